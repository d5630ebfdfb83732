// ordercheck-model's command line: bad input exits 2 with one line saying what
// is wrong; sharding selects every total-th cell; --list shows every cell.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cells.hpp"

namespace ordercheck::model::testing {
namespace {

struct run_result {
  int status = -1;
  std::string out;
  std::string err;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

run_result run_runner(const std::string& environment, const std::string& arguments) {
  const auto base = std::filesystem::temp_directory_path() / ("ordercheck-cli-" + std::to_string(::getpid()));
  const std::string out = base.string() + ".out", err = base.string() + ".err";
  const std::string command = environment + " " + ORDERCHECK_MODEL_RUNNER + " " + arguments + " > " + out + " 2> " + err;
  const int status = std::system(command.c_str());
  run_result r;
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return r;
}

std::size_t lines(const std::string& text) {
  std::size_t n = 0;
  for (char c : text) n += c == '\n' ? 1 : 0;
  return n;
}

void expect_bad_input(const std::string& environment, const std::string& arguments) {
  const run_result r = run_runner(environment, arguments);
  EXPECT_EQ(r.status, 2) << arguments << "\n" << r.err;
  EXPECT_EQ(lines(r.err), 1u) << arguments << "\n" << r.err;
}

TEST(Cli, BadInputExitsTwoWithOneLine) {
  expect_bad_input("", "--profile slow");
  expect_bad_input("", "--scheduler dfs");
  expect_bad_input("", "--iterations 0");
  expect_bad_input("", "--iterations many");
  expect_bad_input("", "--no-such-flag");
  expect_bad_input("", "--run 'no_such_subject/*'");
  expect_bad_input("", "--mutate impl/ordercheck/x.hpp:3:load");
  expect_bad_input("", "--mutate impl/ordercheck/x.hpp:3:load=sloppy");
  expect_bad_input("", "--replay not-a-token");
  expect_bad_input("GTEST_TOTAL_SHARDS=two GTEST_SHARD_INDEX=0", "--list");
  expect_bad_input("GTEST_TOTAL_SHARDS=2 GTEST_SHARD_INDEX=2", "--list");
  expect_bad_input("", "--json /no/such/dir/records.jsonl --run 'code_context/upstream/gil/two_pops'");
  expect_bad_input("", "--jobs 0");
  expect_bad_input("", "--jobs many");
  expect_bad_input("", "--jobs 257");
}

// The check and verdict of each record of a JSON Lines file, in file order.
std::string checks_and_verdicts(const std::string& path) {
  std::string text;
  std::istringstream lines(slurp(path));
  for (std::string line; std::getline(lines, line);) {
    const auto record = nlohmann::json::parse(line);
    text += record.at("check").get<std::string>() + " " + record.at("observed").get<std::string>() + "\n";
  }
  return text;
}

// --jobs 2 runs cells in forked children at once, yet writes the same records
// in the same (cell) order as one job: the random search is seeded.
TEST(Cli, JobsKeepTheRecordsAndTheirOrder) {
  const auto base = std::filesystem::temp_directory_path() / ("ordercheck-cli-jobs-" + std::to_string(::getpid()));
  const std::string serial = base.string() + "-1.jsonl", parallel = base.string() + "-2.jsonl";
  const std::string cells = "--run 'code_context/*/gil/*' --run 'owner_tag/upstream/free_threaded/*' --profile quick";
  const run_result one = run_runner("", cells + " --jobs 1 --json " + serial);
  const run_result two = run_runner("", cells + " --jobs 2 --json " + parallel);
  EXPECT_EQ(one.status, 0) << one.out << one.err;
  EXPECT_EQ(two.status, 0) << two.out << two.err;
  const std::string expected = checks_and_verdicts(serial);
  EXPECT_GE(lines(expected), 4u) << expected;
  EXPECT_NE(expected.find(" data_race\n"), std::string::npos) << "no finding among the cells:\n" << expected;
  EXPECT_EQ(checks_and_verdicts(parallel), expected);
  std::filesystem::remove(serial);
  std::filesystem::remove(parallel);
}

TEST(Cli, AnUnreachedMutationIsReportedNotIgnored) {
  const run_result r = run_runner(
      "", "--run 'code_context/reference/gil/two_pops' --mutate impl/ordercheck/owner_tag/reference.hpp:1:load=relaxed");
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find("never reached"), std::string::npos) << r.err;
}

TEST(Cli, ListShowsEveryCellAndShardsSplitThem) {
  const run_result all = run_runner("", "--list");
  EXPECT_EQ(all.status, 0);
  EXPECT_EQ(lines(all.out), all_cells().size());
  for (const auto& c : all_cells()) EXPECT_NE(all.out.find(c.id() + " "), std::string::npos) << c.id();
  std::size_t sharded = 0;
  for (int index = 0; index < 3; ++index) {
    const run_result shard =
        run_runner("GTEST_TOTAL_SHARDS=3 GTEST_SHARD_INDEX=" + std::to_string(index), "--list");
    EXPECT_EQ(shard.status, 0);
    sharded += lines(shard.out);
  }
  EXPECT_EQ(sharded, all_cells().size());
}

// The line of the reference release's decrement, read from the source.
std::string reference_decrement_line() {
  std::ifstream in(std::string(ORDERCHECK_SOURCE_DIR) + "/impl/ordercheck/refcounted_deleter/reference.hpp");
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.find("count.fetch_sub(1, Sync::acq_rel)") != std::string::npos) return std::to_string(number);
  }
  return "0";
}

TEST(Cli, MismatchExitsOne) {
  // A mutation that breaks a reference cell makes it miss its expected pass.
  const run_result r = run_runner(
      "", "--run 'refcounted_deleter/reference/free_threaded/two_releases' --scheduler full --mutate "
          "impl/ordercheck/refcounted_deleter/reference.hpp:" +
              reference_decrement_line() + ":fetch_sub=relaxed");
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("replay: ordercheck-model --replay "), std::string::npos) << r.out;
}

// --replay prints the compact swimlane report.txt shows, one column per
// thread; --full-history prints Relacy's own history instead.
TEST(Cli, ReplayPrintsTheCompactSwimlane) {
  const run_result first = run_runner("", "--run 'ttas_spinlock/relaxed_acquire/none/two_increments'");
  ASSERT_EQ(first.status, 0) << first.out << first.err;
  const std::string prefix = "replay: ordercheck-model --replay ";
  const auto at = first.out.find(prefix);
  ASSERT_NE(at, std::string::npos) << first.out;
  const std::string token = first.out.substr(at + prefix.size(), first.out.find_first_of(" \n", at + prefix.size()) -
                                                                     at - prefix.size());
  const run_result compact = run_runner("", "--replay " + token);
  EXPECT_EQ(compact.status, 0) << compact.out << compact.err;
  EXPECT_NE(compact.out.find("step | thread 0"), std::string::npos) << compact.out;
  EXPECT_NE(compact.out.find("^ racing access"), std::string::npos) << compact.out;
  EXPECT_EQ(compact.out.find("execution history"), std::string::npos) << compact.out;
  // The why sentence report.txt shows (the record's "why"), below the swimlane.
  EXPECT_NE(compact.out.find("\n    why: "), std::string::npos) << compact.out;
  // Negative control: --full-history is Relacy's text, not the swimlane.
  const run_result full = run_runner("", "--replay " + token + " --full-history");
  EXPECT_EQ(full.status, 0) << full.out << full.err;
  EXPECT_NE(full.out.find("execution history"), std::string::npos) << full.out;
  EXPECT_EQ(full.out.find("step | thread 0"), std::string::npos) << full.out;
}

// Negative control of the why line: an assertion (no racing accesses to
// explain) prints none.
TEST(Cli, AnAssertionHasNoWhyLine) {
  const run_result r = run_runner("", "--run 'code_context/upstream/gil/two_pops'");
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("USER ASSERT FAILED"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("why: "), std::string::npos) << r.out;
}

}  // namespace
}  // namespace ordercheck::model::testing
