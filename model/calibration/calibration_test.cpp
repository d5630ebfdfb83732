// Engine calibration: is each defect kind of the results schema reported as
// that kind, under the model preset's own compile flags?
//
// Each probe (defect_probes.cpp) is the smallest Relacy program with one
// defect, run through the model cells' own path. The test asserts the
// verdict, and Relacy's own result name so a change in classify() is seen.
//
// | probe                  | Relacy reports                   | verdict        |
// |------------------------|----------------------------------|----------------|
// | data race on plain     | DATA RACE                        | data_race      |
// | use after free, atomic | ACCESS TO FREED MEMORY           | use_after_free |
// | use after free, plain  | ACCESS TO FREED MEMORY           | use_after_free |
// | double free            | DOUBLE FREE                      | double_free    |
// | leak                   | MEMORY LEAK                      | leak           |
// | uninitialized read     | ACCESS TO UNINITIALIZED VARIABLE | assertion (the schema has no kind of its own; see below) |
// | deadlock               | DEADLOCK                         | deadlock       |
// | livelock               | LIVELOCK                         | livelock       |
// | failed assertion       | USER ASSERT FAILED               | assertion      |
// | clean (message passing)| SUCCESS                          | pass           |
//
// The use-after-free rows depend on -fno-lifetime-dse (cmake/ordercheck.cmake
// says why); lifetime_dse_control_test.cpp is the negative control that
// builds the same probe without it and shows the defect pass silently.
#include <gtest/gtest.h>

#include "defect_probes.hpp"

namespace ordercheck::model::calibration {
namespace {

using results::verdict;

void expect_reported(defect_probe probe, verdict kind, const char* relacy_name) {
  const engine_outcome outcome = run_probe(probe);
  EXPECT_EQ(results::verdict_name(outcome.observed), std::string(results::verdict_name(kind)))
      << outcome.history;
  EXPECT_EQ(outcome.engine_result, relacy_name);
}

TEST(EngineCalibration, DataRaceOnPlainData) {
  expect_reported(defect_probe::data_race_on_plain, verdict::data_race, "DATA RACE");
}

TEST(EngineCalibration, UseAfterFreeThroughAnAtomic) {
  expect_reported(defect_probe::use_after_free_atomic, verdict::use_after_free,
                  "ACCESS TO FREED MEMORY");
}

TEST(EngineCalibration, UseAfterFreeThroughPlainData) {
  expect_reported(defect_probe::use_after_free_plain, verdict::use_after_free,
                  "ACCESS TO FREED MEMORY");
}

TEST(EngineCalibration, DoubleFree) {
  expect_reported(defect_probe::double_free, verdict::double_free, "DOUBLE FREE");
}

TEST(EngineCalibration, Leak) { expect_reported(defect_probe::leak, verdict::leak, "MEMORY LEAK"); }

// Relacy's ACCESS TO UNINITIALIZED VARIABLE is the schema's own kind
// (classify() in relacy_engine.cpp), with its site: never an assertion.
TEST(EngineCalibration, UninitializedRead) {
  expect_reported(defect_probe::uninitialized_read, verdict::uninitialized_read,
                  "ACCESS TO UNINITIALIZED VARIABLE");
}

TEST(EngineCalibration, Deadlock) {
  expect_reported(defect_probe::deadlock, verdict::deadlock, "DEADLOCK");
}

TEST(EngineCalibration, Livelock) {
  expect_reported(defect_probe::livelock, verdict::livelock, "LIVELOCK");
}

TEST(EngineCalibration, FailedAssertion) {
  expect_reported(defect_probe::failed_assertion, verdict::assertion, "USER ASSERT FAILED");
}

TEST(EngineCalibration, CleanProgramPasses) {
  expect_reported(defect_probe::clean, verdict::pass, "SUCCESS");
}

}  // namespace
}  // namespace ordercheck::model::calibration
