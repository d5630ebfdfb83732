// run_forked_in_order: results come back in index order whatever order the
// children finish in; a child that throws or dies is a failure naming why,
// never a completed result; large payloads arrive whole.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "forked_jobs.hpp"

namespace ordercheck::results {
namespace {

TEST(forked_jobs, hands_back_results_in_index_order) {
  // The first job is the slowest: with 3 jobs at once the others end first.
  std::vector<std::size_t> order;
  std::size_t most_running = 0;
  run_forked_in_order(
      6, 3,
      [](std::size_t i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(i == 0 ? 300 : 10));
        return "job " + std::to_string(i);
      },
      [&](std::size_t i, forked_result&& r) {
        EXPECT_TRUE(r.completed) << r.failure;
        EXPECT_EQ(r.payload, "job " + std::to_string(i));
        order.push_back(i);
      },
      [&](const std::vector<std::size_t>& running) { most_running = std::max(most_running, running.size()); });
  EXPECT_EQ(order, (std::vector<std::size_t>{0, 1, 2, 3, 4, 5}));
  EXPECT_EQ(most_running, 3u);
}

TEST(forked_jobs, a_throw_or_a_signal_is_a_failure_not_a_result) {
  std::vector<forked_result> results;
  run_forked_in_order(
      3, 2,
      [](std::size_t i) -> std::string {
        if (i == 1) throw std::runtime_error("no such thing");
        if (i == 2) raise(SIGKILL);
        return "fine";
      },
      [&](std::size_t, forked_result&& r) { results.push_back(std::move(r)); });
  ASSERT_EQ(results.size(), 3u);
  EXPECT_TRUE(results[0].completed);
  EXPECT_FALSE(results[1].completed);
  EXPECT_EQ(results[1].failure, "the check threw: no such thing");
  EXPECT_FALSE(results[2].completed);
  EXPECT_NE(results[2].failure.find("signal 9"), std::string::npos) << results[2].failure;
}

TEST(forked_jobs, large_payloads_arrive_whole_and_one_job_is_serial) {
  const std::string big(1 << 20, 'x');
  std::size_t most_running = 0;
  run_forked_in_order(
      2, 1, [&](std::size_t) { return big; },
      [&](std::size_t, forked_result&& r) { EXPECT_EQ(r.payload, big); },
      [&](const std::vector<std::size_t>& running) { most_running = std::max(most_running, running.size()); });
  EXPECT_EQ(most_running, 1u);
}

TEST(forked_jobs, what_on_done_throws_propagates_and_leaves_no_child) {
  EXPECT_THROW(run_forked_in_order(
                   4, 2, [](std::size_t) { return std::string("x"); },
                   [](std::size_t, forked_result&&) { throw std::logic_error("stop"); }),
               std::logic_error);
  // Every child was reaped: none is left to wait for.
  EXPECT_EQ(waitpid(-1, nullptr, WNOHANG), -1);
}

}  // namespace
}  // namespace ordercheck::results
