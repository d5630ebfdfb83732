// Checks on every core and budgets by need: --jobs runs children at once yet
// writes records in check order; bad --jobs and --rates values exit 2 with one
// line; the budget rule (check_budget.hpp) turns a measured rate into the
// 99.9% detection time, clamped, and falls back to the flat budget without a
// usable measurement.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "check_budget.hpp"
#include "isolation/child_process.hpp"
#include "isolation/parallel_runs.hpp"
#include "stress_test_support.hpp"

namespace ordercheck::stress {
namespace {

namespace fs = std::filesystem;

check twin_of_interest(const std::string& variant, const std::string& contract) {
  check c;
  c.subject = "handle_cache";
  c.variant = variant;
  c.contract = contract;
  c.scenario = "two_claimants_one_other";
  return c;
}

detection_rates one_rate(const std::string& id, measured_rate m) {
  detection_rates rates;
  rates.by_engine["tsan"][id] = m;
  return rates;
}

TEST(budget_rule, the_twins_rate_gives_the_999_time) {
  // 4 detections in 8 s of rounds: 0.5 per second; 99.9% within ln(1000)/0.5 = 13.8 s.
  const auto rates = one_rate("handle_cache/upstream/free_threaded/two_claimants_one_other", {20, 4, 8.0});
  budget_rule rule;
  rule.ceiling_seconds = 100;
  const check_budget b = budget_for(twin_of_interest("reference", "free_threaded"), rates, "tsan", rule);
  EXPECT_NEAR(b.seconds, std::log(1000.0) / 0.5, 1e-9) << b.reason;
  EXPECT_NE(b.reason.find("4/20"), std::string::npos) << b.reason;
  // The upstream check is its own twin.
  EXPECT_EQ(budget_for(twin_of_interest("upstream", "free_threaded"), rates, "tsan", rule).seconds, b.seconds);
}

TEST(budget_rule, clamped_to_floor_and_ceiling_and_says_so) {
  budget_rule rule;
  const auto fast = one_rate("handle_cache/upstream/free_threaded/two_claimants_one_other", {20, 20, 0.01});
  EXPECT_EQ(budget_for(twin_of_interest("reference", "free_threaded"), fast, "tsan", rule).seconds, rule.floor_seconds);
  const auto slow = one_rate("handle_cache/upstream/free_threaded/two_claimants_one_other", {20, 1, 10.0});
  const check_budget b = budget_for(twin_of_interest("reference", "free_threaded"), slow, "tsan", rule);
  EXPECT_EQ(b.seconds, rule.ceiling_seconds);
  EXPECT_NE(b.reason.find("ceiling"), std::string::npos) << b.reason;
}

TEST(budget_rule, flat_without_a_usable_measurement) {
  budget_rule rule;
  rule.flat_seconds = 0.75;
  const auto rates = one_rate("handle_cache/upstream/free_threaded/two_claimants_one_other", {20, 0, 10.0});
  // Found in no run (e.g. the contract hides the defect).
  EXPECT_EQ(budget_for(twin_of_interest("reference", "free_threaded"), rates, "tsan", rule).seconds, 0.75);
  // Another contract, another engine: not measured.
  EXPECT_EQ(budget_for(twin_of_interest("reference", "gil"), rates, "tsan", rule).seconds, 0.75);
  EXPECT_EQ(budget_for(twin_of_interest("reference", "free_threaded"), rates, "threads", rule).seconds, 0.75);
}

TEST(budget_rule, reads_the_committed_rates_and_rejects_a_malformed_file) {
  const detection_rates committed = read_detection_rates(ORDERCHECK_STRESS_RATES_FILE);
  EXPECT_FALSE(committed.by_engine.at("tsan").empty());
  EXPECT_FALSE(committed.by_engine.at("threads").empty());
  const fs::path bad = fs::temp_directory_path() / "ordercheck-bad-rates.json";
  std::ofstream(bad) << R"({"schema": "ordercheck.detection_rates/1", "engines": {"tsan": {"x": {"runs": 1}}}})";
  EXPECT_THROW(read_detection_rates(bad.string()), std::runtime_error);
  fs::remove(bad);
}

struct cli_result {
  int status = -1;
  std::string output;
};

cli_result run_runner(std::vector<std::string> arguments, const fs::path& directory) {
  arguments.insert(arguments.begin(), testing::runner_executable());
  const fs::path output = directory / "output.txt";
  const child_exit exit = run_child_process(arguments, {}, output.string(), 120);
  std::stringstream text;
  text << std::ifstream(output).rdbuf();
  return {exit.exited ? exit.status : 128 + exit.signal, text.str()};
}

class parallel_runner : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = fs::temp_directory_path() /
                 ("ordercheck-stress-parallel-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                  "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(directory_);
  }
  void TearDown() override { fs::remove_all(directory_); }
  fs::path directory_;
};

TEST_F(parallel_runner, bad_jobs_and_rates_exit_2_with_one_line) {
  for (const std::vector<std::string>& arguments :
       {std::vector<std::string>{"--jobs", "0"}, {"--jobs", "many"}, {"--jobs", "257"},
        {"--run", "owner_tag/reference/gil/*", "--rates", (directory_ / "missing.json").string()}}) {
    const cli_result result = run_runner(arguments, directory_);
    EXPECT_EQ(result.status, 2) << arguments[1] << ": " << result.output;
    EXPECT_EQ(std::count(result.output.begin(), result.output.end(), '\n'), 1) << result.output;
    EXPECT_EQ(result.output.rfind("ordercheck-stress: ", 0), 0u) << result.output;
  }
}

// The first check gets the longest budget (a made-up rates file), so with two
// jobs every later check finishes before it: the records must still come out
// in check order, one per check, each with its own budget.
TEST_F(parallel_runner, records_come_out_in_check_order_with_their_budgets) {
  const std::string pattern = "owner_tag/reference/free_threaded/*";
  std::vector<std::string> ids;
  {
    const cli_result list = run_runner({"--list"}, directory_);
    std::istringstream lines(list.output);
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("owner_tag/reference/free_threaded/", 0) == 0) ids.push_back(line);
    }
  }
  ASSERT_GE(ids.size(), 3u);
  // 0.8 s for the first check (1 detection in 0.1155 s), the floor for the others.
  nlohmann::json tsan = nlohmann::json::object();
  for (std::size_t i = 0; i < ids.size(); ++i) {
    std::string twin = ids[i];
    twin.replace(twin.find("/reference/"), 11, "/upstream/");
    tsan[twin] = {{"runs", 1}, {"found", 1}, {"exposure_seconds", i == 0 ? 0.8 / std::log(1000.0) : 0.001}};
  }
  const fs::path rates = directory_ / "rates.json";
  std::ofstream(rates) << nlohmann::json{{"schema", "ordercheck.detection_rates/1"},
                                         {"engines", {{"tsan", tsan}, {"threads", tsan}}}}
                              .dump();
  const fs::path json = directory_ / "records.jsonl";
  const cli_result result =
      run_runner({"--run", pattern, "--jobs", "2", "--rates", rates.string(), "--json", json.string()}, directory_);
  EXPECT_EQ(result.status, 0) << result.output;
  const auto records = results::read_json_lines(json.string());
  ASSERT_EQ(records.size(), ids.size()) << result.output;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(records[i].check, ids[i]);
    const double budget = records[i].engine_settings.at("seconds_per_run").get<double>();
    EXPECT_NEAR(budget, i == 0 ? 0.8 : budget_rule{}.floor_seconds, 1e-6) << records[i].check;
    EXPECT_NE(records[i].engine_settings.value("budget", "").find("found in 1/1"), std::string::npos);
  }
  // Progress lines in the same order.
  std::size_t position = 0;
  for (const std::string& id : ids) {
    position = result.output.find("] " + id + ":", position);
    EXPECT_NE(position, std::string::npos) << id << " out of order:\n" << result.output;
  }
}

// run_in_parallel itself: results in plan order whatever the finishing order.
TEST(run_in_parallel, hands_back_runs_in_plan_order) {
  const check& slow = testing::check_by_id("code_context/reference/free_threaded/two_getters");
  const check& fast = testing::check_by_id("owner_tag/reference/gil/two_wrappers_one_other");
  stress_settings long_run = testing::test_settings();
  long_run.seconds = 0.6;
  stress_settings short_run = long_run;
  short_run.seconds = 0.05;
  const std::vector<planned_run> plan{{&slow, long_run}, {&fast, short_run}, {&fast, short_run}, {&slow, short_run}};
  std::vector<std::string> seen;
  run_in_parallel(testing::runner_executable(), plan, 2, [&](std::size_t index, isolated_run&& run) {
    EXPECT_EQ(index, seen.size());
    seen.push_back(run.record.check);
    EXPECT_EQ(run.record.observed, results::verdict::pass) << run.record.message;
  });
  EXPECT_EQ(seen, (std::vector<std::string>{slow.id(), fast.id(), fast.id(), slow.id()}));
}

}  // namespace
}  // namespace ordercheck::stress
