// Every model cell, field by field, against tests/golden/model_cells.txt: the
// subjects' declarations (impl/ordercheck/<subject>/subject.hpp) must keep
// each cell's id, expected verdicts, reason, description, proof search and
// quick bound. The golden file was written from the cells as they were before
// the declarations existed; a change to it is a change of the verdict table
// and is reviewed as one.
//
// ORDERCHECK_UPDATE_GOLDEN=1 rewrites the file instead of comparing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "cells.hpp"

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

TEST(ModelDeclarations, EveryCellMatchesTheGoldenTable) {
  std::string all;
  for (const cell& c : all_cells()) all += describe(c);
  const std::string path = std::string(ORDERCHECK_SOURCE_DIR) + "/model/tests/golden/model_cells.txt";
  if (std::getenv("ORDERCHECK_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path) << all;
    GTEST_SKIP() << "rewrote " << path;
  }
  std::ifstream in(path);
  ASSERT_TRUE(in) << "cannot read " << path;
  std::stringstream golden;
  golden << in.rdbuf();
  EXPECT_EQ(all, golden.str());
}

}  // namespace
}  // namespace ordercheck::model
