// ordercheck-stress's command line: bad values exit 2 with one line saying
// what is wrong; a run writes one JSON Lines record per check; sharding and
// --runs do what they say.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <set>
#include <string>
#include <vector>

#include "isolation/child_process.hpp"
#include "isolation/repeated_runs.hpp"
#include "stress_test_support.hpp"

namespace ordercheck::stress {
namespace {

namespace fs = std::filesystem;

struct cli_result {
  int status = -1;
  std::string output;
};

class runner_cli : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = fs::temp_directory_path() /
                 ("ordercheck-stress-cli-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(directory_);
  }
  void TearDown() override { fs::remove_all(directory_); }

  cli_result run(std::vector<std::string> arguments, std::vector<std::pair<std::string, std::string>> environment = {}) {
    arguments.insert(arguments.begin(), testing::runner_executable());
    const fs::path output = directory_ / "output.txt";
    const child_exit exit = run_child_process(arguments, environment, output.string(), 120);
    std::ifstream in(output);
    std::stringstream text;
    text << in.rdbuf();
    return {exit.exited ? exit.status : 128 + exit.signal, text.str()};
  }

  static int line_count(const std::string& text) {
    int lines = 0;
    for (char c : text) lines += c == '\n' ? 1 : 0;
    return lines;
  }

  fs::path directory_;
};

TEST_F(runner_cli, bad_values_exit_2_with_one_line) {
  const std::vector<std::vector<std::string>> bad{
      {"--threads", "0"},   {"--seconds", "-1"}, {"--rounds", "0"},           {"--seed", "abc"},
      {"--runs", "0"},      {"--run", "nothing/matches/this/*"}, {"--no-such-flag"},
      {"--raw-reports", "/etc/passwd"},  // a file where the report folder should be
  };
  for (const auto& arguments : bad) {
    const cli_result result = run(arguments);
    EXPECT_EQ(result.status, 2) << arguments[0] << ": " << result.output;
    EXPECT_EQ(line_count(result.output), 1) << arguments[0] << ": " << result.output;
    EXPECT_EQ(result.output.rfind("ordercheck-stress: ", 0), 0u) << result.output;
  }
  const cli_result shard = run({"--run", "*"}, {{"GTEST_TOTAL_SHARDS", "2"}, {"GTEST_SHARD_INDEX", "5"}});
  EXPECT_EQ(shard.status, 2) << shard.output;
  EXPECT_EQ(line_count(shard.output), 1) << shard.output;
}

TEST_F(runner_cli, list_names_every_subject_and_hides_nothing) {
  const cli_result result = run({"--list"});
  EXPECT_EQ(result.status, 0);
  for (const char* id : {"owner_tag/reference/gil/two_wrappers_one_other", "handle_cache/upstream/free_threaded/random_mix",
                         "refcounted_deleter/reference/free_threaded/two_releases", "code_context/upstream/gil/two_getters",
                         "fixture/broken/free_threaded/plain_refcount_two_releases"}) {
    EXPECT_NE(result.output.find(std::string(id) + "\n"), std::string::npos) << id;
  }
}

TEST_F(runner_cli, run_appends_one_record_per_check_and_prints_the_seed) {
  const fs::path json = directory_ / "records.jsonl";
  const cli_result result = run({"--run", "code_context/reference/*/two_getters", "--seconds", "0.1", "--seed", "42",
                                 "--json", json.string()});
  EXPECT_EQ(result.status, 0) << result.output;
  EXPECT_NE(result.output.find("seed 42"), std::string::npos) << result.output;
  const auto records = results::read_json_lines(json.string());
  ASSERT_EQ(records.size(), 3u);
  for (const auto& r : records) {
    EXPECT_EQ(r.layer, "stress");
    EXPECT_EQ(r.subject, "code_context");
    EXPECT_EQ(r.variant, "reference");
    EXPECT_EQ(r.observed, results::verdict::pass) << r.message;
    EXPECT_TRUE(r.matches());
    EXPECT_EQ(r.seed, 42u);
    EXPECT_GT(r.iterations, 0u);
  }
}

TEST_F(runner_cli, runs_records_the_detection_counts) {
  const fs::path json = directory_ / "records.jsonl";
  const cli_result result = run({"--run", "handle_cache/upstream/free_threaded/forced_both_miss_in_slow", "--runs",
                                 "3", "--seconds", "0.2", "--json", json.string()});
  EXPECT_EQ(result.status, 0) << result.output;
  const auto records = results::read_json_lines(json.string());
  ASSERT_EQ(records.size(), 1u);
  const detection_counts counts = counts_of(records[0]);
  EXPECT_EQ(counts.runs, 3u);
  EXPECT_EQ(counts.found, 3u) << records[0].message;
  EXPECT_EQ(counts.found_by_invariant, 3u) << records[0].message;
  EXPECT_NE(records[0].message.find("found in 3/3 runs"), std::string::npos) << records[0].message;
}

TEST_F(runner_cli, shards_split_the_checks) {
  const fs::path first = directory_ / "first.jsonl";
  const fs::path second = directory_ / "second.jsonl";
  const std::vector<std::string> common{"--run", "owner_tag/reference/*", "--seconds", "0.05"};
  auto with_json = [&](const fs::path& json) {
    auto arguments = common;
    arguments.push_back("--json");
    arguments.push_back(json.string());
    return arguments;
  };
  EXPECT_EQ(run(with_json(first), {{"GTEST_TOTAL_SHARDS", "2"}, {"GTEST_SHARD_INDEX", "0"}}).status, 0);
  EXPECT_EQ(run(with_json(second), {{"GTEST_TOTAL_SHARDS", "2"}, {"GTEST_SHARD_INDEX", "1"}}).status, 0);
  const fs::path whole = directory_ / "whole.jsonl";
  EXPECT_EQ(run(with_json(whole), {}).status, 0);
  const auto a = results::read_json_lines(first.string());
  const auto b = results::read_json_lines(second.string());
  const auto unsharded = results::read_json_lines(whole.string());
  // The two shards together run exactly the checks of one unsharded run.
  std::multiset<std::string> sharded_checks;
  for (const auto& r : a) sharded_checks.insert(r.check);
  for (const auto& r : b) sharded_checks.insert(r.check);
  std::multiset<std::string> unsharded_checks;
  for (const auto& r : unsharded) unsharded_checks.insert(r.check);
  EXPECT_EQ(sharded_checks, unsharded_checks);
  EXPECT_FALSE(a.empty());
  EXPECT_FALSE(b.empty());
}

}  // namespace
}  // namespace ordercheck::stress
