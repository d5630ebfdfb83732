// Every stress cell whose expected verdict is strictly {pass} (every
// reference variant, and upstream cells whose contract hides the defect)
// passes: no ThreadSanitizer report, no failed invariant, no crash, no hang.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "checks/check_registry.hpp"
#include "stress_test_support.hpp"

namespace ordercheck::stress {
namespace {

std::vector<std::string> strict_pass_cells() {
  std::vector<std::string> ids;
  for (const check& c : all_checks()) {
    if (c.subject == "fixture") continue;
    if (c.expected == std::vector<results::verdict>{results::verdict::pass}) ids.push_back(c.id());
  }
  return ids;
}

class strict_cell : public ::testing::TestWithParam<std::string> {};

TEST_P(strict_cell, passes_with_no_report) {
  const isolated_run run = testing::run_check(GetParam());
  EXPECT_EQ(run.record.observed, results::verdict::pass) << run.record.message;
  EXPECT_TRUE(run.record.matches()) << run.record.message;
  EXPECT_FALSE(run.found_by_sanitizer) << run.record.message;
  EXPECT_GT(run.record.iterations, 0u) << "the check ran no round: " << run.record.message;
}

INSTANTIATE_TEST_SUITE_P(stress, strict_cell, ::testing::ValuesIn(strict_pass_cells()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '/', '_');
                           return name;
                         });

TEST(strict_cells, every_reference_cell_is_strict) {
  // The rule of expected_verdicts.hpp: a reference cell never tolerates a defect.
  for (const check& c : all_checks()) {
    if (c.variant != "reference") continue;
    EXPECT_EQ(c.expected, std::vector<results::verdict>{results::verdict::pass}) << c.id();
  }
}

}  // namespace
}  // namespace ordercheck::stress
