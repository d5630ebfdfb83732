// Every model cell, field by field, against tests/golden/model_cells.txt: the
// subjects' declarations (impl/ordercheck/<subject>/subject.hpp) must keep
// each cell's id, expected verdicts, reason, description, proof search and
// quick bound. The golden file was written from the cells as they were before
// the declarations existed; a change to it is a change of the verdict table
// and is reviewed as one.
//
// Only the subjects the file names are compared: a subject you add (README,
// "Adding your own primitive") needs no edit here.
//
// ORDERCHECK_UPDATE_GOLDEN=1 rewrites the file instead of comparing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cells.hpp"
#include "tests/declaration_errors.hpp"
#include "tests/golden_table.hpp"

namespace ordercheck::model {
namespace {

std::string describe(const cell& c) {
  std::ostringstream out;
  out << c.id() << "\n  expected:";
  for (auto v : c.expected) out << " " << results::verdict_name(v);
  out << "\n  why: " << c.expected_why << "\n  description: " << c.description
      << "\n  proof: " << scheduler_name(c.proof.scheduler);
  if (c.proof.scheduler == scheduler_kind::bound) out << " " << c.proof.context_bound;
  out << "\n  quick_context_bound: " << c.quick_context_bound << "\n";
  return out.str();
}

using golden::golden_subjects;
using golden::read_golden;

TEST(ModelDeclarations, EveryCellMatchesTheGoldenTable) {
  const std::string path = std::string(ORDERCHECK_SOURCE_DIR) + "/model/tests/golden/model_cells.txt";
  if (std::getenv("ORDERCHECK_UPDATE_GOLDEN") != nullptr) {
    std::string all;
    for (const cell& c : all_cells()) all += describe(c);
    std::ofstream(path) << all;
    GTEST_SKIP() << "rewrote " << path;
  }
  const std::string golden = read_golden(path);
  ASSERT_FALSE(golden.empty()) << "cannot read " << path;
  // The shipped subjects' cells; a subject you add is not in the table.
  const std::set<std::string> shipped = golden_subjects(golden);
  std::string all;
  for (const cell& c : all_cells()) {
    if (shipped.count(c.subject) != 0) all += describe(c);
  }
  EXPECT_EQ(all, golden);
}

// Negative controls: no silent defaults.
using golden::expect_declaration_error;

TEST(ModelDeclarations, ACellWithNoExpectedVerdictIsRefused) {
  expect_declaration_error([] { declared_verdicts("my_lock/broken/none/two_increments", {}); },
                           "my_lock/broken/none/two_increments: no expected verdict declared");
}

TEST(ModelDeclarations, AMisspeltVerdictIsRefused) {
  expect_declaration_error([] { declared_verdicts("my_lock/broken/none/two_increments", {"pass", "data-race"}); },
                           "my_lock/broken/none/two_increments: ");
}

TEST(ModelDeclarations, TwoSubjectsOnOneTableRowAreRefused) {
  const declared_subject a{"first", 7, nullptr};
  const declared_subject b{"second", 7, nullptr};
  expect_declaration_error([&] { declaration::in_table_order<declared_subject>({&a, &b}); },
                           "first and second both declare table_row 7");
}

TEST(ModelDeclarations, SubjectsAreListedInTableRowOrder) {
  std::vector<std::string> subjects;
  for (const cell& c : all_cells()) {
    if (subjects.empty() || subjects.back() != c.subject) subjects.push_back(c.subject);
  }
  ASSERT_GE(subjects.size(), 4u);
  EXPECT_EQ(std::vector<std::string>(subjects.begin(), subjects.begin() + 4),
            (std::vector<std::string>{"owner_tag", "handle_cache", "refcounted_deleter", "code_context"}));
}

}  // namespace
}  // namespace ordercheck::model
