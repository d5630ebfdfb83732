// The watchdog's negative control: a check whose threads deadlock must end as
// a reported failure naming what each thread was doing, quickly, never as a
// stuck job.
#include <gtest/gtest.h>

#include "stress_test_support.hpp"

namespace ordercheck::stress {
namespace {

TEST(watchdog, turns_a_deadlock_into_a_reported_failure) {
  stress_settings settings = testing::test_settings();
  settings.seconds = 5;
  settings.hang_seconds = 1;
  const isolated_run run = testing::run_check("fixture/broken/free_threaded/lock_order_deadlock", settings);
  EXPECT_TRUE(run.record.observed == results::verdict::timeout || run.record.observed == results::verdict::deadlock)
      << run.record.message;
  EXPECT_TRUE(run.timed_out) << run.record.message;
  EXPECT_TRUE(run.record.matches()) << run.record.message;
  // What each thread was doing, from the progress board.
  EXPECT_NE(run.record.message.find("thread 0: round 0, in lock(B) while holding A"), std::string::npos)
      << run.record.message;
  EXPECT_NE(run.record.message.find("thread 1: round 0, in lock(A) while holding B"), std::string::npos)
      << run.record.message;
  EXPECT_LT(run.record.wall_seconds, 20.0) << "the watchdog should end the child after about 1 s";
}

}  // namespace
}  // namespace ordercheck::stress
