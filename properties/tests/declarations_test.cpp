// Every property cell, field by field, against tests/golden/property_cells.txt:
// the subjects' declarations (impl/ordercheck/<subject>/subject.hpp, or properties/spec.hpp)
// must keep each cell's id, engine, expected verdicts, rate flag and reason.
// The ids, engines, verdicts and rate flags were checked against
// `ordercheck-properties --list` from before the declarations existed; a
// change to the file is a change of the verdict table and is reviewed as one.
//
// Only the subjects the file names are compared: a subject you add needs no
// edit here. ORDERCHECK_UPDATE_GOLDEN=1 rewrites the file instead of comparing:
// the Relacy records in the model build, the real-thread ones in the default
// build (each keeps the other engine's records).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cells/property_declaration.hpp"
#include "tests/declaration_errors.hpp"
#include "tests/golden_table.hpp"

namespace ordercheck::properties {
namespace {

std::string describe(const property_cell& c) {
  std::ostringstream out;
  out << c.check << "\n  engine: " << c.engine << "\n  expected:";
  for (auto v : c.expected) out << " " << results::verdict_name(v);
  out << "\n  probabilistic: " << (c.probabilistic ? "yes" : "no") << "\n  why: " << c.why << "\n";
  return out.str();
}

// The golden file's records of one engine (the default and asan builds have
// no Relacy cells, the model build no real-thread cells: each compares the
// records of the engine it has).
std::string records_of(const std::string& golden, const std::string& engine) {
  std::string out;
  std::istringstream in(golden);
  std::string record;
  auto flush = [&] {
    if (record.find("\n  engine: " + engine + "\n") != std::string::npos) out += record;
    record.clear();
  };
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != ' ') flush();
    record += line + "\n";
  }
  flush();
  return out;
}

TEST(PropertyDeclarations, EveryCellMatchesTheGoldenTable) {
  const std::string path = std::string(ORDERCHECK_SOURCE_DIR) + "/properties/tests/golden/property_cells.txt";
  if (std::getenv("ORDERCHECK_UPDATE_GOLDEN") != nullptr) {
    // Rewrites the records of the engines this build has and keeps the
    // file's records of the other engine (no preset builds both).
    const std::string old = golden::read_golden(path);
    auto records = [&](const std::vector<property_cell>& cells, const std::string& engine) {
      if (cells.empty()) return records_of(old, engine);
      std::string out;
      for (const property_cell& c : cells) out += describe(c);
      return out;
    };
    std::ofstream(path) << records(real_thread_cells(), "rapidcheck") << records(relacy_cells(), "rapidcheck+relacy");
    GTEST_SKIP() << "rewrote " << path;
  }
  const std::string golden = golden::read_golden(path);
  ASSERT_FALSE(golden.empty()) << "cannot read " << path;
  const std::set<std::string> shipped = golden::golden_subjects(golden);
  std::string threads;
  std::string relacy;
  for (const property_cell& c : all_property_cells()) {
    if (shipped.count(c.subject) == 0) continue;
    (c.engine == "rapidcheck" ? threads : relacy) += describe(c);
  }
  // Each build compares the engines it has: default and asan the real-thread
  // cells, model (ORDERCHECK_PROPERTY_THREAD_CELLS=OFF) the Relacy ones. A
  // build with neither would compare nothing, so it fails.
  ASSERT_FALSE(real_thread_cells().empty() && relacy_cells().empty()) << "this build has no property cells";
  if (!real_thread_cells().empty()) {
    EXPECT_EQ(threads, records_of(golden, "rapidcheck"));
  }
  if (!relacy_cells().empty()) {
    EXPECT_EQ(relacy, records_of(golden, "rapidcheck+relacy"));
  }
}

// Negative controls: no silent defaults.
using golden::expect_declaration_error;

TEST(PropertyDeclarations, ACellWithNoExpectedVerdictIsRefused) {
  expect_declaration_error(
      [] {
        declared_property_cell("my_lock", {property_engine::real_threads, "broken", "none", "linearizability", {}, "why"},
                               "", "rapidcheck");
      },
      "my_lock/broken/none/linearizability: no expected verdict declared");
}

TEST(PropertyDeclarations, AMisspeltVerdictIsRefused) {
  expect_declaration_error(
      [] {
        declared_property_cell("my_lock",
                               {property_engine::relacy, "broken", "none", "linearizability", {"pass", "data-race"}, "why"},
                               "/relacy", "rapidcheck+relacy");
      },
      "my_lock/broken/none/linearizability/relacy: unknown verdict 'data-race'");
}

TEST(PropertyDeclarations, ACellWithNoReasonIsRefused) {
  expect_declaration_error(
      [] {
        declared_property_cell("my_lock", {property_engine::real_threads, "broken", "none", "linearizability", {"pass"}, ""},
                               "", "rapidcheck");
      },
      "my_lock/broken/none/linearizability: no reason declared");
}

// The cell ids stay unique across subjects (the runner selects by id).
TEST(PropertyDeclarations, CellIdsAreUnique) {
  std::set<std::string> seen;
  for (const property_cell& c : all_property_cells()) EXPECT_TRUE(seen.insert(c.check).second) << c.check;
}

}  // namespace
}  // namespace ordercheck::properties
