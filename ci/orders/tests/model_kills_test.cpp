// ordercheck-orders against the real models (ordercheck-model, Relacy):
//  - the parser's sites are exactly the sites the models reach, at the same
//    lines and orders (the __builtin_LINE rule, multi-line calls included);
//  - weakenings the invariants make necessary are killed, with the expected
//    kind of failure;
//  - diff mode on a temporary repository.
// Each model run is bounded (random search, a few thousand executions) so
// the suite stays fast; the kills below happen within the first executions.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "child_process.hpp"
#include "result_record.hpp"
#include "model_runner.hpp"
#include "mutation_matrix.hpp"
#include "scratch_files.hpp"
#include "site_inventory.hpp"

namespace ordercheck::orders {
namespace {

const std::string runner = MODEL_RUNNER;
const std::string tool = ORDERS_TOOL;
const std::string root = SOURCE_ROOT;

class RealModels : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(std::filesystem::exists(runner)) << runner << " is missing: build ordercheck-model first";
    dir_ = testing::make_temporary_directory("orders-model");
    settings_.runner = runner;
    settings_.scheduler = "random";
    settings_.iterations = 5000;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // The first failing cell's kind when `site` is weakened to `order`, or "pass".
  std::string kill_kind(const std::string& subject, const std::string& site, const std::string& order) {
    const auto outcome = run_model(settings_, {{subject + "/reference/*/*"}, {{site, order}}, "m"}, dir_);
    EXPECT_TRUE(outcome.problem.empty()) << outcome.problem;
    const mutant m{atomic_site{}, order, ""};
    const auto result = classify(m, outcome);
    if (result.status == mutant_status::killed) {
      EXPECT_FALSE(result.replay_command.empty());
      return result.kind;
    }
    EXPECT_NE(result.status, mutant_status::error) << result.detail;
    return "pass";
  }
  std::string site_id(const std::string& file, const std::string& operation, const std::string& object) {
    const auto sites = inventory(read_working_tree(root));
    const auto found = std::find_if(sites.begin(), sites.end(), [&](const atomic_site& s) {
      return s.file == file && s.operation == operation && s.object == object;
    });
    EXPECT_NE(found, sites.end()) << file << " " << operation << " " << object;
    return found == sites.end() ? "" : found->id();
  }

  std::string dir_;
  model_settings settings_;
};

TEST_F(RealModels, TheParserFindsExactlyTheSitesTheReferenceModelsReach) {
  const auto sites = inventory(read_working_tree(root));
  for (const std::string subject : {"owner_tag", "handle_cache", "refcounted_deleter", "code_context"}) {
    const auto outcome = run_model(settings_, {{subject + "/reference/*/*"}, {}, subject}, dir_);
    ASSERT_TRUE(outcome.problem.empty()) << outcome.problem;
    ASSERT_TRUE(outcome.process.exited_with(0)) << subject << ": the unmutated reference must pass";
    EXPECT_EQ(disagreements(sites, outcome.reached), std::vector<std::string>{}) << subject;
    std::set<std::string> reached;
    for (const auto& r : outcome.reached) reached.insert(r.site);
    EXPECT_FALSE(reached.empty()) << subject;
    // The multi-line compare_exchange of owner_tag (name on one line, orders on the next).
    if (subject == "owner_tag") {
      EXPECT_EQ(reached.count(site_id("impl/ordercheck/owner_tag/reference.hpp", "compare_exchange", "word_")), 1u);
    }
  }
}

TEST_F(RealModels, RefcountedDecrementWeakenedToReleaseOrRelaxedIsKilled) {
  const std::string site = site_id("impl/ordercheck/refcounted_deleter/reference.hpp", "fetch_sub", "count");
  const std::set<std::string> buffer_failures{"data_race", "use_after_free", "double_free"};
  for (const std::string order : {"release", "relaxed"}) {
    const std::string kind = kill_kind("refcounted_deleter", site, order);
    EXPECT_EQ(buffer_failures.count(kind), 1u) << "fetch_sub acq_rel -> " << order << " gave " << kind;
  }
}

TEST_F(RealModels, HandleCachePublishingCasWeakenedToRelaxedIsKilled) {
  const std::string site = site_id("impl/ordercheck/handle_cache/reference.hpp", "compare_exchange", "cached_");
  EXPECT_EQ(kill_kind("handle_cache", site, "relaxed"), "data_race");
}

TEST_F(RealModels, NegativeControlTheDeclaredOrderIsNotKilled) {
  const std::string site = site_id("impl/ordercheck/refcounted_deleter/reference.hpp", "fetch_sub", "count");
  EXPECT_EQ(kill_kind("refcounted_deleter", site, "acq_rel"), "pass");
}

// Diff mode with the real models: BASE declares the decrement relaxed, the
// working tree is this repository's impl/ (what ordercheck-model was built
// from): the change is shown as strengthened and the cells pass.
TEST_F(RealModels, DiffShowsTheChangeAndRunsTheTouchedSubjectsCells) {
  const std::string repo = dir_ + "/repo";
  std::filesystem::create_directories(repo);
  std::filesystem::copy(root + "/impl", repo + "/impl", std::filesystem::copy_options::recursive);
  const std::string file = repo + "/impl/ordercheck/refcounted_deleter/reference.hpp";
  const std::string original = testing::read_file(file);
  std::string weakened = original;
  const std::string declared = "fetch_sub(1, Sync::acq_rel)";
  ASSERT_NE(weakened.find(declared), std::string::npos);
  weakened.replace(weakened.find(declared), declared.size(), "fetch_sub(1, Sync::relaxed)");
  std::ofstream(file) << weakened;
  testing::commit_impl(repo);
  std::ofstream(file) << original;

  const auto run = capture_process({tool, "diff", "HEAD", "--root", repo, "--model-runner", runner, "--scheduler",
                                    "random", "--iterations", "5000", "--work-dir", dir_ + "/work"});
  EXPECT_TRUE(run.exited_with(0)) << run.describe() << "\n" << run.output;
  EXPECT_NE(run.output.find("fetch_sub relaxed -> acq_rel (strengthened)"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("refcounted_deleter/upstream"), std::string::npos) << "upstream cells run too\n" << run.output;
  EXPECT_EQ(run.output.find("owner_tag/"), std::string::npos) << "only the touched subject's cells run\n" << run.output;
}

// Sharding (GTEST_TOTAL_SHARDS, GTEST_SHARD_INDEX, as the deep profile runs
// every layer): mutate shards by site, and its model processes are not
// sharded, so two shards' records are exactly one unsharded run's, each
// mutant with the same outcome and note. handle_cache's weakenable reference
// sites, in order: :43 load, :60 compare_exchange, :60 its failure order, so
// the compare-exchange (shard 1) is judged apart from its failure site
// (shard 0) and must still say how its failure order changes. Negative
// control, in effect: were the variables passed on, a shard's model process
// would list only that shard's cells, and the outcomes would differ.
TEST_F(RealModels, ShardsPartitionTheMutantsAndEachFacesEveryCell) {
  unsetenv("GTEST_TOTAL_SHARDS");  // the unsharded run must not inherit a shard
  unsetenv("GTEST_SHARD_INDEX");
  auto mutate = [&](const std::string& name, const char* total, const char* index) {
    if (total != nullptr) {
      setenv("GTEST_TOTAL_SHARDS", total, 1);
      setenv("GTEST_SHARD_INDEX", index, 1);
    }
    const std::string json = dir_ + "/" + name + ".jsonl";
    const auto run = capture_process({tool, "mutate", "--subject", "handle_cache", "--model-runner", runner,
                                      "--scheduler", "random", "--iterations", "5000", "--work-dir",
                                      dir_ + "/" + name, "--json", json});
    unsetenv("GTEST_TOTAL_SHARDS");
    unsetenv("GTEST_SHARD_INDEX");
    EXPECT_TRUE(run.exited_with(0)) << name << ": " << run.describe() << "\n" << run.output;
    std::map<std::string, std::string> outcome;  // check -> observed verdict and note
    if (std::filesystem::exists(json)) {
      for (const auto& r : results::read_json_lines(json)) {
        outcome[r.check] = std::string(results::verdict_name(r.observed)) + " " + r.engine_settings.value("note", "");
      }
    }
    return outcome;
  };
  const auto whole = mutate("whole", nullptr, nullptr);
  const auto first = mutate("shard0", "2", "0");
  const auto second = mutate("shard1", "2", "1");
  ASSERT_GE(whole.size(), 3u) << "handle_cache has three weakenable reference sites";
  EXPECT_FALSE(first.empty());
  EXPECT_FALSE(second.empty());
  const bool noted = std::any_of(second.begin(), second.end(),
                                 [](const auto& entry) { return entry.second.find("failure order") != std::string::npos; });
  EXPECT_TRUE(noted) << "shard 1's compare-exchange mutants lost their failure-order note";
  std::map<std::string, std::string> merged = first;
  for (const auto& [check, result] : second) {
    EXPECT_EQ(merged.count(check), 0u) << check << " is in both shards";
    merged[check] = result;
  }
  EXPECT_EQ(merged, whole);
}

}  // namespace
}  // namespace ordercheck::orders
