// Upstream defects that the stress layer finds on EVERY run, for a structural
// reason (stress/forced/handle_cache_forced.hpp says why for each). Other
// upstream cells are measurements (README, "Detection rates"), never asserted.
#include <gtest/gtest.h>

#include "harness/sanitizer_stop.hpp"
#include "stress_test_support.hpp"

namespace ordercheck::stress {
namespace {

// slow() makes both threads miss before either claims: upstream's loser
// always fails its claim with the tag equal to self.
TEST(structural_detection, upstream_handle_cache_both_miss_asserts_free_threaded) {
  const isolated_run run = testing::run_check("handle_cache/upstream/free_threaded/forced_both_miss_in_slow");
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
TEST(structural_detection, upstream_refcounted_deleter_second_load_races_the_free_under_tsan) {
  for (const char* contract : {"gil", "free_threaded"}) {
    const isolated_run run =
        testing::run_check(std::string("refcounted_deleter/upstream/") + contract + "/two_releases");
    ASSERT_TRUE(run.record.observed == results::verdict::data_race ||
                run.record.observed == results::verdict::use_after_free)
        << run.record.message;
    ASSERT_GE(run.record.sites.size(), 2u) << run.record.message;
    for (int access = 0; access < 2; ++access) {
      EXPECT_EQ(run.record.sites[access].file, "impl/ordercheck/refcounted_deleter/upstream.hpp") << run.record.message;
    }
  }
}
#endif

}  // namespace
}  // namespace ordercheck::stress
