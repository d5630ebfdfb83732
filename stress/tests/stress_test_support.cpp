#include "stress_test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <stdexcept>

#include "checks/check_registry.hpp"

namespace ordercheck::stress::testing {

stress_settings test_settings() {
  static const std::uint64_t seed = [] {
    std::uint64_t chosen = 0;
    if (const char* fixed = std::getenv("ORDERCHECK_STRESS_SEED")) {
      chosen = std::strtoull(fixed, nullptr, 10);
    } else {
      std::random_device device;
      chosen = device() % 1'000'000'000u;
    }
    std::printf("stress tests: seed %llu (set ORDERCHECK_STRESS_SEED=%llu to replay)\n",
                static_cast<unsigned long long>(chosen), static_cast<unsigned long long>(chosen));
    return chosen;
  }();
  stress_settings settings;
  // Mixes get at least 4 threads: with 2 cores, preemption mixes them further.
  settings.threads = std::max(4u, default_thread_count());
  settings.seconds = ORDERCHECK_STRESS_TEST_SECONDS;
  settings.seed = seed;
  return settings;
}

const check& check_by_id(const std::string& id) {
  for (const check& c : all_checks()) {
    if (c.id() == id) return c;
  }
  throw std::invalid_argument("no stress check '" + id + "'");
}

std::string runner_executable() { return ORDERCHECK_STRESS_RUNNER; }

isolated_run run_check(const std::string& id, const stress_settings& settings) {
  isolated_run run = run_isolated(runner_executable(), check_by_id(id), settings);
  std::printf("%s: %s\n  replay: %s\n", id.c_str(), run.record.message.c_str(), run.record.replay.command.c_str());
  return run;
}

}  // namespace ordercheck::stress::testing
