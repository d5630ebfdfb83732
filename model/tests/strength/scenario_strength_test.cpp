// Scenario strength: each scenario shape added for issue 11 (aliasing and
// self-application, re-entrancy, and removals racing a death callback with
// slot reuse) has a broken fixture that only it catches. For each fixture the test asserts both halves:
//  - every earlier scenario of the subject passes over the fixture (so the
//    shape was a hole before), under the same search that proves the reference;
//  - the new scenario fails over it, with the expected kind of failure.
// The reference and upstream variants of the new scenarios are ordinary cells
// (declared in the subjects' subject.hpp; model_cells_test proves the clean ones).
#include <gtest/gtest.h>

#include <set>

#include "strength_runs.hpp"

namespace ordercheck::model::strength {
namespace {

std::string verdict_of(const engine_outcome& outcome) { return results::verdict_name(outcome.observed); }

// expected_kinds: any of them is the fixture's defect showing; expected_text:
// Relacy's history must contain it (empty: not checked).
void expect_hole_then_caught(const fixture_outcomes& runs, const std::set<std::string>& expected_kinds,
                             const std::string& expected_text) {
  for (const auto& earlier : runs.earlier) {
    EXPECT_EQ(verdict_of(earlier.outcome), "pass") << earlier.scenario << "\n" << earlier.outcome.history;
  }
  EXPECT_EQ(expected_kinds.count(verdict_of(runs.shape.outcome)), 1u)
      << runs.shape.scenario << ": " << verdict_of(runs.shape.outcome) << "\n" << runs.shape.outcome.history;
  if (!expected_text.empty()) {
    EXPECT_NE(runs.shape.outcome.history.find(expected_text), std::string::npos) << runs.shape.outcome.history;
  }
}

// Thread 1 releases first; then the self-share's reset drops the last count
// and runs the inner deleter, which runs again when the re-made storage is
// released (the scenario's run counter asserts), unless the increment's read
// of the freed context is reported first.
TEST(ScenarioStrength, SelfShareCatchesResetDestinationFirstUnderGil) {
  expect_hole_then_caught(run_fixture(broken_fixture::reset_destination_first, true), {"assertion", "use_after_free"},
                          "");
}
TEST(ScenarioStrength, SelfShareCatchesResetDestinationFirstFreeThreaded) {
  expect_hole_then_caught(run_fixture(broken_fixture::reset_destination_first, false), {"assertion", "use_after_free"},
                          "");
}

// The callback erases the slot the new key reused: the scenario's
// "entry survives" assertion.
TEST(ScenarioStrength, SlotReuseCatchesSplitDeathCallbackUnderGil) {
  expect_hole_then_caught(run_fixture(broken_fixture::split_death_callback, true), {"assertion"},
                          "survives another key's death callback");
}
TEST(ScenarioStrength, SlotReuseCatchesSplitDeathCallbackFreeThreaded) {
  expect_hole_then_caught(run_fixture(broken_fixture::split_death_callback, false), {"assertion"},
                          "survives another key's death callback");
}

// Thread 0's re-init of the owned wrapper clears its ownership bit: after()'s
// "keeps the ownership bit" assertion.
TEST(ScenarioStrength, ReinitCatchesReinitResetsOwnsUnderGil) {
  expect_hole_then_caught(run_fixture(broken_fixture::reinit_resets_owns, true), {"assertion"},
                          "keeps the ownership bit");
}
TEST(ScenarioStrength, ReinitCatchesReinitResetsOwnsFreeThreaded) {
  expect_hole_then_caught(run_fixture(broken_fixture::reinit_resets_owns, false), {"assertion"},
                          "keeps the ownership bit");
}

// The re-entrant ptr_or locks the cache's lock its own thread holds.
TEST(ScenarioStrength, ReentrantSlowCatchesLockAcrossSlowUnderGil) {
  expect_hole_then_caught(run_fixture(broken_fixture::lock_across_slow, true), {"assertion"}, "");
}
TEST(ScenarioStrength, ReentrantSlowCatchesLockAcrossSlowFreeThreaded) {
  expect_hole_then_caught(run_fixture(broken_fixture::lock_across_slow, false), {"assertion"}, "");
}

}  // namespace
}  // namespace ordercheck::model::strength
