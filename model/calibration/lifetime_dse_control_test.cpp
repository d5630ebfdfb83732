// Negative control for the calibration's use-after-free rows: the same probe,
// compiled with lifetime dead-store elimination back on (-flifetime-dse, as
// plain -O3 has it; CMakeLists.txt appends it to this target's probe file
// only). Relacy marks an object freed by a store in its destructor
// (rl::signature::~signature sets magic_ = 0); lifetime DSE deletes that store
// as dead, so the access through the deleted object passes silently. This
// test fails the day that stops being true, and then the flag in
// cmake/ordercheck.cmake may no longer be needed.
#include <gtest/gtest.h>

#include "defect_probes.hpp"

namespace ordercheck::model::calibration {
namespace {

TEST(LifetimeDseControl, UseAfterFreeThroughAnAtomicPassesSilently) {
  const engine_outcome outcome = run_probe(defect_probe::use_after_free_atomic);
  EXPECT_EQ(outcome.engine_result, "SUCCESS") << outcome.history;
}

TEST(LifetimeDseControl, UseAfterFreeThroughPlainDataPassesSilently) {
  const engine_outcome outcome = run_probe(defect_probe::use_after_free_plain);
  EXPECT_EQ(outcome.engine_result, "SUCCESS") << outcome.history;
}

}  // namespace
}  // namespace ordercheck::model::calibration
