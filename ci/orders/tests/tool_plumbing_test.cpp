// ordercheck-orders end to end against a scripted stand-in for
// ordercheck-model (fake_model_runner.cpp): the mutation matrix, the exit
// codes, the records and diff mode, without Relacy. The real models are
// exercised by model_kills_test.cpp.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "child_process.hpp"
#include "result_record.hpp"
#include "scratch_files.hpp"

namespace ordercheck::orders {
namespace {

const std::string tool = ORDERS_TOOL;
const std::string fake = FAKE_MODEL_RUNNER;
const std::string fixtures = ORDERS_FIXTURES;
const std::string demo = "impl/ordercheck/demo/reference.hpp";

class ToolPlumbing : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::make_temporary_directory("orders-tool");
    unsetenv("FAKE_MODEL_KILLS");
    unsetenv("FAKE_MODEL_FAIL");
    unsetenv("FAKE_MODEL_REFUSE");
    // The fixture's sites as the models would report them.
    setenv("FAKE_MODEL_REACHED",
           (demo + ":14:load=acquire," + demo + ":15:store=release," + demo + ":20:compare_exchange=acq_rel," + demo +
            ":20:compare_exchange_failure=acquire," + demo + ":24:fetch_sub=acq_rel," + demo + ":26:fence=seq_cst," +
            demo + ":28:fetch_add=relaxed")
               .c_str(),
           1);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  process_result tool_run(std::vector<std::string> args) {
    args.insert(args.begin(), tool);
    // Inside this test's directory, so runs that stop early leave nothing behind.
    args.insert(args.end(), {"--model-runner", fake, "--work-dir", dir_ + "/work"});
    return capture_process(args);
  }
  std::string dir_;
};

TEST_F(ToolPlumbing, MutateJudgesEveryMutantAndWritesRecords) {
  setenv("FAKE_MODEL_KILLS", (demo + ":24:fetch_sub=release:use_after_free," + demo + ":24:fetch_sub=relaxed:data_race," +
                              demo + ":24:fetch_sub=acquire:data_race")
                                 .c_str(), 1);
  const std::string json = dir_ + "/orders.jsonl";
  const auto run = tool_run({"mutate", "--root", fixtures + "/good", "--json", json, "--markdown", dir_ + "/m.md", "--jobs", "2"});
  ASSERT_TRUE(run.exited_with(0)) << run.describe() << "\n" << run.output;
  EXPECT_NE(run.output.find("reference.hpp:24  fetch_sub"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("necessary            acquire: killed (data_race); release: killed (use_after_free); relaxed: killed (data_race)"),
            std::string::npos) << run.output;
  EXPECT_NE(run.output.find("not shown necessary"), std::string::npos);
  EXPECT_NE(run.output.find("unreached"), std::string::npos) << "the second compare_exchange and the exchange are never reached";
  const auto records = results::read_json_lines(json);
  std::size_t killed = 0;
  for (const auto& r : records) {
    EXPECT_EQ(r.layer, "orders");
    ASSERT_EQ(r.mutations.size(), 1u);
    if (r.observed != results::verdict::pass) {
      ++killed;
      EXPECT_EQ(r.replay.token, "fake-token");
    }
  }
  EXPECT_EQ(killed, 3u);
  EXPECT_TRUE(std::filesystem::exists(dir_ + "/m.md"));
}

TEST_F(ToolPlumbing, NegativeControlABaselineThatFailsJudgesNothing) {
  setenv("FAKE_MODEL_FAIL", "demo/reference/*/*", 1);
  const auto run = tool_run({"mutate", "--root", fixtures + "/good"});
  EXPECT_TRUE(run.exited_with(1)) << run.describe() << "\n" << run.output;
  EXPECT_NE(run.output.find("does not pass"), std::string::npos) << run.output;
}

TEST_F(ToolPlumbing, NegativeControlAStaleModelBuildIsBadInput) {
  setenv("FAKE_MODEL_REACHED", (demo + ":14:load=relaxed").c_str(), 1);  // the source says acquire
  const auto run = tool_run({"mutate", "--root", fixtures + "/good"});
  EXPECT_TRUE(run.exited_with(2)) << run.describe() << "\n" << run.output;
  EXPECT_NE(run.output.find("rebuild"), std::string::npos) << run.output;
}

TEST_F(ToolPlumbing, BadInputIsOneLineAndExitTwo) {
  const auto unknown = tool_run({"mutate", "--root", fixtures + "/good", "--subject", "nope"});
  EXPECT_TRUE(unknown.exited_with(2));
  EXPECT_EQ(std::count(unknown.output.begin(), unknown.output.end(), '\n'), 1) << unknown.output;
  const auto malformed = capture_process({tool, "list", "--static", "--root", fixtures + "/bad_order"});
  EXPECT_TRUE(malformed.exited_with(2));
  EXPECT_NE(malformed.output.find("unknown memory order 'Sync::aquire'"), std::string::npos) << malformed.output;
  EXPECT_EQ(std::count(malformed.output.begin(), malformed.output.end(), '\n'), 1) << malformed.output;
  const auto missing = capture_process({tool, "mutate", "--root", fixtures + "/good", "--model-runner", dir_ + "/none"});
  EXPECT_TRUE(missing.exited_with(2));
}

class DiffPlumbing : public ToolPlumbing {
 protected:
  void SetUp() override {
    ToolPlumbing::SetUp();
    std::filesystem::copy(fixtures + "/good", dir_ + "/repo", std::filesystem::copy_options::recursive);
    testing::commit_impl(dir_ + "/repo");
  }
  void weaken_fetch_sub() {
    const std::string path = dir_ + "/repo/" + demo;
    std::string s = testing::read_file(path);
    s.replace(s.find("fetch_sub(1, Sync::acq_rel)"), 27, "fetch_sub(1, Sync::release)");
    std::ofstream(path) << s;
    setenv("FAKE_MODEL_REACHED", (demo + ":24:fetch_sub=release").c_str(), 1);
  }
};

TEST_F(DiffPlumbing, AChangedOrderIsShownAndAFailingCellFailsTheDiff) {
  weaken_fetch_sub();
  setenv("FAKE_MODEL_FAIL", "demo/*/*/*", 1);
  const auto run = tool_run({"diff", "HEAD", "--root", dir_ + "/repo"});
  EXPECT_TRUE(run.exited_with(1)) << run.describe() << "\n" << run.output;
  EXPECT_NE(run.output.find("order changed: " + demo + ":24:fetch_sub acq_rel -> release (weakened)"), std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("FAILS"), std::string::npos) << run.output;
}

TEST_F(DiffPlumbing, PassingCellsPassTheDiff) {
  weaken_fetch_sub();
  const auto run = tool_run({"diff", "HEAD", "--root", dir_ + "/repo"});
  EXPECT_TRUE(run.exited_with(0)) << run.describe() << "\n" << run.output;
  EXPECT_NE(run.output.find("running the model cells of demo"), std::string::npos) << run.output;
}

TEST_F(DiffPlumbing, NoChangeRunsNothing) {
  const auto run = tool_run({"diff", "HEAD", "--root", dir_ + "/repo"});
  EXPECT_TRUE(run.exited_with(0)) << run.output;
  EXPECT_NE(run.output.find("no model cell to run"), std::string::npos) << run.output;
}

TEST_F(DiffPlumbing, AnUnknownRevisionIsBadInput) {
  const auto run = tool_run({"diff", "no-such-revision", "--root", dir_ + "/repo"});
  EXPECT_TRUE(run.exited_with(2)) << run.output;
}

}  // namespace
}  // namespace ordercheck::orders
