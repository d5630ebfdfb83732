// Engine calibration for the properties layer's --jobs (ThreadSanitizer
// builds only): a data race inside a forked cell must fail that cell.
//
// ordercheck-properties runs each cell in a forked child that ends with
// _exit (ci/results/forked_jobs.cpp), so ThreadSanitizer's usual way of
// failing a run, exit status 66 when the process exits after a report, has
// to survive _exit. It does because TSan intercepts _exit and finalizes
// there; this test pins that under the tsan preset's own flags, so a
// compiler or runtime that stopped doing it could not hide a reference
// variant's race as a pass. Negative control: the same child without the
// race completes.
#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "forked_jobs.hpp"

namespace {

// Written by two threads with no order between them: the planted race. The
// child reads it after joining both and returns it, so the optimiser cannot
// drop the stores of a variable no one reads (internal linkage, -O2: the
// first version of this test lost its race that way).
int racy_word = 0;

ordercheck::results::forked_result run_one(bool race) {
  ordercheck::results::forked_result result;
  ordercheck::results::run_forked_in_order(
      1, 1,
      [race](std::size_t) {
        if (race) {
          std::thread first([] { racy_word = 1; });
          std::thread second([] { racy_word = 2; });
          first.join();
          second.join();
        }
        return "done " + std::to_string(racy_word);
      },
      [&](std::size_t, ordercheck::results::forked_result&& r) { result = std::move(r); });
  return result;
}

TEST(ForkedRaceCalibration, ARaceInAForkedCellFailsItWithStatus66) {
  const auto result = run_one(true);
  EXPECT_FALSE(result.completed) << "the racing child was handed back as completed: " << result.payload;
  EXPECT_NE(result.failure.find("status 66"), std::string::npos) << result.failure;
}

TEST(ForkedRaceCalibration, NegativeControlTheSameCellWithoutTheRaceCompletes) {
  const auto result = run_one(false);
  EXPECT_TRUE(result.completed) << result.failure;
  EXPECT_EQ(result.payload, "done 0");
}

}  // namespace
