// The stress layer's negative control (tsan build only): a refcount whose
// count is a plain int (stress/fixtures/plain_refcount.hpp). ThreadSanitizer
// must report the data race on the count, on every run: the two decrements
// have no happens-before at all, whatever the timing.
#include <gtest/gtest.h>

#include "stress_test_support.hpp"

namespace ordercheck::stress {
namespace {

constexpr const char* fixture_id = "fixture/broken/free_threaded/plain_refcount_two_releases";

TEST(broken_fixture, plain_refcount_is_caught_by_thread_sanitizer_every_run) {
  for (int run_index = 0; run_index < 3; ++run_index) {
    stress_settings settings = testing::test_settings();
    settings.seed += static_cast<std::uint64_t>(run_index);
    const isolated_run run = testing::run_check(fixture_id, settings);
    ASSERT_EQ(run.record.observed, results::verdict::data_race) << run.record.message;
    EXPECT_TRUE(run.found_by_sanitizer);
    EXPECT_TRUE(run.record.matches());
    ASSERT_GE(run.record.sites.size(), 2u) << run.record.message;
    for (int access = 0; access < 2; ++access) {
      EXPECT_EQ(run.record.sites[access].file, "stress/fixtures/plain_refcount.hpp") << run.record.message;
      EXPECT_GT(run.record.sites[access].line, 0);
    }
    ASSERT_EQ(run.record.interleaving.size(), 2u);
    EXPECT_NE(run.record.interleaving[0].thread, run.record.interleaving[1].thread);
    EXPECT_EQ(run.record.interleaving[1].function, "release");
  }
}

}  // namespace
}  // namespace ordercheck::stress
