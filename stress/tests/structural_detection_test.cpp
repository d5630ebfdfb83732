// Upstream defects that the stress layer finds on EVERY run, for a structural
// reason (stress/forced/handle_cache_forced.hpp says why for each). Other
// upstream cells are measurements (README, "Detection rates"), never asserted.
#include <gtest/gtest.h>

#include "harness/sanitizer_stop.hpp"
#include "stress_test_support.hpp"

namespace ordercheck::stress {
namespace {

// slow() makes both threads miss before either claims: upstream's loser
// always fails its claim with the tag equal to self. Under TSan with no GIL,
// the winner's plain store of the cached handle (upstream.hpp:44) can also
// race a later hit's plain load (upstream.hpp:38) in an earlier round, and
// TSan stops the run at its first report. Either report is this defect, and
// one of them comes every run (the assertion is structural); which one comes
// first is luck, so the test accepts both and checks each one's content.
TEST(structural_detection, upstream_handle_cache_both_miss_asserts_free_threaded) {
  const isolated_run run = testing::run_check("handle_cache/upstream/free_threaded/forced_both_miss_in_slow");
#if ORDERCHECK_STRESS_THREAD_SANITIZER
  if (run.record.observed == results::verdict::data_race) {
    ASSERT_GE(run.record.sites.size(), 2u) << run.record.message;
    EXPECT_EQ(run.record.sites[0].file, "impl/ordercheck/handle_cache/upstream.hpp") << run.record.message;
    EXPECT_EQ(run.record.sites[1].file, "impl/ordercheck/handle_cache/upstream.hpp") << run.record.message;
    return;
  }
#endif
  EXPECT_EQ(run.record.observed, results::verdict::assertion) << run.record.message;
  EXPECT_TRUE(run.found_by_invariant) << run.record.message;
  EXPECT_NE(run.record.message.find("tag already equal to self"), std::string::npos) << run.record.message;
}

TEST(structural_detection, upstream_handle_cache_both_miss_asserts_when_slow_releases_the_gil) {
  const isolated_run run = testing::run_check("handle_cache/upstream/gil_released_in_slow/forced_both_miss_in_slow");
  EXPECT_EQ(run.record.observed, results::verdict::assertion) << run.record.message;
}

TEST(structural_detection, reference_handle_cache_both_miss_passes) {
  for (const char* contract : {"gil", "gil_released_in_slow", "free_threaded"}) {
    const isolated_run run =
        testing::run_check(std::string("handle_cache/reference/") + contract + "/forced_both_miss_in_slow");
    EXPECT_EQ(run.record.observed, results::verdict::pass) << run.record.message;
  }
}

#if ORDERCHECK_STRESS_THREAD_SANITIZER
// The hit reads the plain cached pointer; its write follows the tag's
// release, so nothing orders write and read: TSan reports it every run.
TEST(structural_detection, upstream_handle_cache_hit_after_claim_is_a_data_race_under_tsan) {
  const isolated_run run = testing::run_check("handle_cache/upstream/free_threaded/forced_hit_after_claim");
  ASSERT_EQ(run.record.observed, results::verdict::data_race) << run.record.message;
  ASSERT_GE(run.record.sites.size(), 2u);
  EXPECT_EQ(run.record.sites[0].file, "impl/ordercheck/handle_cache/upstream.hpp") << run.record.message;
  EXPECT_EQ(run.record.sites[1].file, "impl/ordercheck/handle_cache/upstream.hpp") << run.record.message;
  ASSERT_EQ(run.record.interleaving.size(), 2u);
  EXPECT_NE(run.record.interleaving[0].thread, run.record.interleaving[1].thread);
  EXPECT_EQ(run.record.interleaving[1].function, "ptr_or");
}

// Upstream's release decrements, then loads the count again. The thread that
// decrements first is never ordered before the other's free of the context
// (the other's decrement acquires only up to our decrement, not our later
// load), so TSan reports that load against the free (or, if the load comes
// after the free, a use after free) in every round, under every contract: each
// storage belongs to its own interpreter, so no GIL orders the two releases.
// DISABLED: not structural after all. Repeated 100 times under ctest -j2 it
// failed about once: some run's first report was neither a race, a use after
// free nor a double free with two sites (the child can also die before TSan
// reports). TSan finds this defect in 20/20 measured runs (README, detection
// table), but CI must not depend on luck; run it by hand with
// --gtest_also_run_disabled_tests.
TEST(structural_detection, DISABLED_upstream_refcounted_deleter_second_load_races_the_free_under_tsan) {
  for (const char* contract : {"gil", "free_threaded"}) {
    const isolated_run run =
        testing::run_check(std::string("refcounted_deleter/upstream/") + contract + "/two_releases");
    // Structural: TSan reports this defect in every run (no happens-before
    // orders the second load of the count, or the second inner-deleter run,
    // after the other release). Which report comes first varies: the load
    // against the free (data race), a read of the freed context (use after
    // free), or the second delete (TSan's "attempted double-free").
    ASSERT_TRUE(run.found_by_sanitizer) << run.record.message;
    const results::verdict kind = run.record.observed;
    ASSERT_TRUE(kind == results::verdict::data_race || kind == results::verdict::use_after_free ||
                kind == results::verdict::double_free)
        << results::verdict_name(kind) << ": " << run.record.message;
    if (kind == results::verdict::double_free) continue;
    ASSERT_GE(run.record.sites.size(), 2u) << run.record.message;
    // Both accesses are in the subject's code, never in the harness: usually
    // the count's second load against the free (upstream.hpp), sometimes the
    // second inner-deleter run writing the buffer's bytes that an owner read
    // (the scenario's free_buffer).
    for (int access = 0; access < 2; ++access) {
      const std::string& file = run.record.sites[access].file;
      EXPECT_TRUE(file == "impl/ordercheck/refcounted_deleter/upstream.hpp" ||
                  file == "impl/ordercheck/scenarios/refcounted_deleter_scenarios.hpp")
          << file << ": " << run.record.message;
    }
  }
}
#endif

}  // namespace
}  // namespace ordercheck::stress
