// What the stress tests share: settings for a test-sized run, and running a
// check by id through ordercheck-stress's child mode.
#pragma once

#include <string>

#include "checks/check.hpp"
#include "harness/stress_settings.hpp"
#include "isolation/isolated_run.hpp"

namespace ordercheck::stress::testing {

// The test build's time budget per check (ORDERCHECK_STRESS_TEST_SECONDS),
// at least 4 threads for the mixes, and a seed from ORDERCHECK_STRESS_SEED or random;
// the seed is printed once per test binary.
stress_settings test_settings();

// The check with this exact id; fails the test when there is none.
const check& check_by_id(const std::string& id);

// Runs a check in a child process of ordercheck-stress.
isolated_run run_check(const std::string& id, const stress_settings& settings = test_settings());

// The ordercheck-stress binary of this build.
std::string runner_executable();

}  // namespace ordercheck::stress::testing
