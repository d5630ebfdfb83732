// Model-checking mode: every Relacy cell matches its expected verdict, every
// time (no luck involved: each program's interleavings are all explored
// within the bound). Upstream defects and broken fixtures alike. Each
// finding's record carries Relacy's history as an interleaving, and its
// text report shows no raw address and no absolute path.
#include <gtest/gtest.h>

#include <cctype>
#include <iostream>

#include "cells/property_cell.hpp"
#include "report_data.hpp"
#include "text_report.hpp"

namespace ordercheck::properties {
namespace {

// What report.txt shows of one record (scenario, sites, swimlane).
std::string rendered(const results::record& r) { return report::text_report(report::organize({r})); }

// Why `text` is not the compact, readable finding: a raw address ("0x...")
// or an absolute path into the source tree; "" if it is neither.
std::string raw_trace_in(const std::string& text) {
  if (text.find("0x") != std::string::npos) return "a raw address (0x...)";
  if (text.find(ORDERCHECK_SOURCE_DIR "/") != std::string::npos) return "an absolute path";
  return "";
}

// A finding's record shows Relacy's history as the swimlane, nothing raw.
void expect_compact_finding(const property_cell& cell, const cell_settings& settings, const cell_outcome& outcome) {
  const results::record r = to_record(cell, settings, outcome);
  ASSERT_FALSE(outcome.engine_history.empty()) << cell.check << ": Relacy printed no history";
  EXPECT_FALSE(r.interleaving.empty()) << cell.check << ": no interleaving parsed from Relacy's history";
  const std::string text = rendered(r);
  EXPECT_EQ(raw_trace_in(text), "") << cell.check << ":\n" << text;
  // Negative control: the same record with Relacy's own text as its
  // scenario (as before the history was parsed) is caught by the same check.
  results::record raw = r;
  raw.scenario += "\n" + outcome.engine_history;
  raw.interleaving.clear();
  raw.sites.clear();
  EXPECT_NE(raw_trace_in(rendered(raw)), "") << cell.check << ": the check misses a raw Relacy dump";
  std::cout << "interleaving: " << r.interleaving.size() << " steps\n";
}

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
  if (outcome.observed != results::verdict::pass) expect_compact_finding(cell, settings, outcome);
}

std::string cell_name(const ::testing::TestParamInfo<std::size_t>& info) {
  std::string name = relacy_cells().at(info.param).check;
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Model, RelacyCell, ::testing::Range<std::size_t>(0, relacy_cells().size()), cell_name);

// The cell whose check is `check`; fails the test when there is none.
property_cell cell_named(const std::string& check) {
  for (const property_cell& cell : relacy_cells()) {
    if (cell.check == check) return cell;
  }
  ADD_FAILURE() << "no Relacy cell " << check;
  return {};
}

// Issue 11 part 5: the split death callback (a code_context whose key's
// death callback erases the slot it found under an earlier hold of the lock)
// is found by the death race programs, with the lost entry, on every seed
// tried; the same fixture in the programs whose deaths are all in the prefix
// passes (nothing races the callback there): the shape is what finds it.
TEST(RelacyShapes, OnlyTheDeathRaceFindsTheSplitDeathCallback) {
  const property_cell death_race = cell_named("code_context/fixture/free_threaded/split_death_callback/relacy");
  const property_cell prefix_deaths =
      cell_named("code_context/fixture/free_threaded/split_death_callback_prefix_deaths/relacy");
  ASSERT_TRUE(death_race.run && prefix_deaths.run);
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    cell_settings settings;
    settings.seed = seed;
    const cell_outcome outcome = death_race.run(settings);
    EXPECT_EQ(outcome.observed, results::verdict::linearizability_violation)
        << "seed " << seed << ": " << outcome.message << "\n" << outcome.scenario;
    std::cout << "seed " << seed << ": " << outcome.message << "\n";
  }
  cell_settings settings;
  settings.seed = 20261121;
  const cell_outcome outcome = prefix_deaths.run(settings);
  EXPECT_EQ(outcome.observed, results::verdict::pass) << outcome.message << "\n" << outcome.scenario;
}

}  // namespace
}  // namespace ordercheck::properties
