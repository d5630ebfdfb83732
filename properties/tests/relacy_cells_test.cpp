// Model-checking mode: every Relacy cell matches its expected verdict, every
// time (no luck involved: each program's interleavings are all explored
// within the bound). Upstream defects and broken fixtures alike.
#include <gtest/gtest.h>

#include <cctype>
#include <iostream>

#include "cells/property_cell.hpp"

namespace ordercheck::properties {
namespace {

class RelacyCell : public ::testing::TestWithParam<std::size_t> {};

TEST_P(RelacyCell, MatchesItsExpectedVerdictEveryTime) {
  const property_cell cell = relacy_cells().at(GetParam());
  cell_settings settings;
  settings.seed = 20261121;
  std::cout << "cell " << cell.check << " seed " << settings.seed << "\n";
  const cell_outcome outcome = cell.run(settings);
  std::cout << results::verdict_name(outcome.observed) << ": " << outcome.message << "\n" << outcome.scenario;
  EXPECT_TRUE(expected_contains(cell, outcome.observed))
      << cell.check << ": observed " << results::verdict_name(outcome.observed) << "\n" << outcome.scenario;
}

std::string cell_name(const ::testing::TestParamInfo<std::size_t>& info) {
  std::string name = relacy_cells().at(info.param).check;
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Model, RelacyCell, ::testing::Range<std::size_t>(0, relacy_cells().size()), cell_name);

}  // namespace
}  // namespace ordercheck::properties
