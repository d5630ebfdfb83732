// ThreadSanitizer's own report of a stress finding is kept (tsan build only):
// ordercheck-stress --raw-reports DIR writes TSan's whole text of the broken
// fixture's race (every stack frame, where each thread was created) to
// DIR/logs/stress-tsan/ and names it in the record's raw_report. Negative
// control: a clean check keeps no file and its record names none.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "isolation/child_process.hpp"
#include "result_record.hpp"
#include "stress_test_support.hpp"

namespace ordercheck::stress {
namespace {

namespace fs = std::filesystem;

class raw_report : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = fs::temp_directory_path() / ("ordercheck-raw-report-" + std::to_string(::getpid()) + "-" +
                                              ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(directory_);
    fs::create_directories(directory_);
  }
  void TearDown() override { fs::remove_all(directory_); }

  // Runs one check through ordercheck-stress with --raw-reports; its record.
  results::record run_with_raw_reports(const std::string& check_id) {
    const stress_settings settings = testing::test_settings();
    const fs::path json = directory_ / "results.jsonl";
    fs::remove(json);
    const child_exit exit = run_child_process(
        {testing::runner_executable(), "--run", check_id, "--seconds", std::to_string(settings.seconds), "--seed",
         std::to_string(settings.seed), "--json", json.string(), "--raw-reports", directory_.string()},
        {}, (directory_ / "output.txt").string(), 120);
    EXPECT_TRUE(exit.exited && (exit.status == 0 || exit.status == 1)) << read(directory_ / "output.txt");
    const auto records = results::read_json_lines(json.string());
    EXPECT_EQ(records.size(), 1u);
    return records.empty() ? results::record{} : records.front();
  }

  static std::string read(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  fs::path directory_;
};

TEST_F(raw_report, broken_fixture_keeps_thread_sanitizers_whole_report) {
  const results::record r = run_with_raw_reports("fixture/broken/free_threaded/plain_refcount_two_releases");
  ASSERT_EQ(r.observed, results::verdict::data_race) << r.message;
  EXPECT_EQ(r.raw_report, "logs/stress-tsan/fixture.broken.free_threaded.plain_refcount_two_releases.txt");
  const std::string text = read(directory_ / r.raw_report);
  // TSan's own words: the report, both accesses' stacks, the threads' creation.
  EXPECT_NE(text.find("WARNING: ThreadSanitizer: data race"), std::string::npos) << text;
  EXPECT_NE(text.find("Previous "), std::string::npos) << text;
  EXPECT_NE(text.find("    #1 "), std::string::npos) << text;  // deeper than the parsed top frame
  EXPECT_NE(text.find("created by"), std::string::npos) << text;
  EXPECT_NE(text.find("stress/fixtures/plain_refcount.hpp"), std::string::npos) << text;
}

TEST_F(raw_report, negative_control_a_clean_check_keeps_no_report) {
  const results::record r = run_with_raw_reports("owner_tag/reference/gil/two_wrappers_one_other");
  ASSERT_EQ(r.observed, results::verdict::pass) << r.message;
  EXPECT_EQ(r.raw_report, "");
  EXPECT_TRUE(fs::is_empty(directory_ / "logs/stress-tsan"));  // created up front, left empty
}

}  // namespace
}  // namespace ordercheck::stress
