// Classifying a mutant's run and judging sites, on fabricated model outcomes
// (the real model runs are in model_kills_test.cpp).
#include <gtest/gtest.h>

#include "mutation_matrix.hpp"
#include "site_parser.hpp"
#include "site_verdicts.hpp"

namespace ordercheck::orders {
namespace {

results::record cell(const std::string& check, results::verdict observed) {
  results::record r;
  r.check = check;
  r.expected = {results::verdict::pass};
  r.observed = observed;
  r.engine_settings = {{"scheduler", "random"}, {"iterations", 1000}};
  r.replay = {"token-1", "ordercheck-model --replay token-1"};
  r.message = "race on the buffer";
  return r;
}

const std::string file = "impl/ordercheck/demo/reference.hpp";
// publish_ is released by a store and read by an acquire load; lonely_ has no partner.
const auto sites = parse_sites(file,
                               "void f() {\n"
                               "  publish_.store(1, Sync::release);\n"
                               "  publish_.load(Sync::acquire);\n"
                               "  lonely_.fetch_add(1, Sync::acq_rel);\n"
                               "}\n");

model_outcome outcome(int exit_code, std::vector<results::record> records, bool reached = true) {
  model_outcome o;
  o.process.exit_code = exit_code;
  o.records = std::move(records);
  if (reached) o.reached.push_back({sites[0].id(), "release", "demo", "reference"});
  return o;
}

TEST(Classify, AFailingCellKillsTheMutantWithItsKindAndReplay) {
  const auto r = classify({sites[0], "relaxed", ""}, outcome(1, {cell("a", results::verdict::pass),
                                                                  cell("b", results::verdict::data_race)}));
  EXPECT_EQ(r.status, mutant_status::killed);
  EXPECT_EQ(r.kind, "data_race");
  EXPECT_EQ(r.killing_check, "b");
  EXPECT_EQ(r.replay_token, "token-1");
}

TEST(Classify, AllCellsPassingIsASurvivorWithItsBound) {
  const auto r = classify({sites[0], "relaxed", ""}, outcome(0, {cell("a", results::verdict::pass)}));
  EXPECT_EQ(r.status, mutant_status::survived);
  EXPECT_EQ(r.bound, "scheduler random, 1000 iterations");
}

TEST(Classify, ASiteThatDidNotRunIsUnreachedNotSurvived) {
  const auto r = classify({sites[0], "relaxed", ""}, outcome(0, {cell("a", results::verdict::pass)}, false));
  EXPECT_EQ(r.status, mutant_status::unreached);
}

TEST(Classify, NegativeControlsInconsistentOrUnreadableRunsAreErrorsNeverVerdicts) {
  EXPECT_EQ(classify({sites[0], "relaxed", ""}, outcome(1, {cell("a", results::verdict::pass)})).status,
            mutant_status::error);  // exit 1 but every cell passed
  EXPECT_EQ(classify({sites[0], "relaxed", ""}, outcome(0, {cell("a", results::verdict::data_race)})).status,
            mutant_status::error);  // exit 0 but a cell failed
  model_outcome refused = outcome(2, {});
  refused.problem = "ordercheck-model refused the request";
  EXPECT_EQ(classify({sites[0], "relaxed", ""}, refused).status, mutant_status::error);
}

TEST(Classify, ACrashedMutantIsKilledAsACrash) {
  model_outcome crashed = outcome(-1, {});
  crashed.process.signal = 11;
  const auto r = classify({sites[0], "relaxed", ""}, crashed);
  EXPECT_EQ(r.status, mutant_status::killed);
  EXPECT_EQ(r.kind, "crash");
}

subject_matrix fabricated(mutant_status store_status, mutant_status rmw_status) {
  subject_matrix m;
  m.subject = "demo";
  m.sites = sites;
  for (const auto& s : sites) m.reached.push_back(s.id());
  for (const auto& mutation : mutants_of(sites)) {
    mutant_result r;
    r.mutation = mutation;
    r.status = mutation.site.object == "lonely_" ? rmw_status : store_status;
    r.kind = r.status == mutant_status::killed ? "data_race" : "";
    m.results.push_back(r);
  }
  return m;
}

TEST(Judge, EveryWeakeningKilledIsNecessary) {
  const auto verdicts = judge(fabricated(mutant_status::killed, mutant_status::killed), sites);
  ASSERT_EQ(verdicts.size(), 3u);
  for (const auto& v : verdicts) EXPECT_EQ(v.verdict, "necessary") << v.site.id();
}

TEST(Judge, ASurvivorWithAPartnerIsAModelGapWithoutOneOverStrong) {
  const auto verdicts = judge(fabricated(mutant_status::survived, mutant_status::survived), sites);
  ASSERT_EQ(verdicts.size(), 3u);
  EXPECT_EQ(verdicts[0].verdict, "not shown necessary");
  ASSERT_EQ(verdicts[0].survivors.size(), 1u);
  EXPECT_EQ(verdicts[0].survivors[0].dropped, "release half");
  EXPECT_EQ(verdicts[0].survivors[0].likely, "model too weak");  // the acquire load pairs with it
  EXPECT_EQ(verdicts[1].survivors[0].dropped, "acquire half");
  EXPECT_NE(verdicts[1].survivors[0].explanation.find("load-buffering"), std::string::npos);
  ASSERT_EQ(verdicts[2].survivors.size(), 3u);  // acq_rel -> acquire, release, relaxed
  for (const auto& s : verdicts[2].survivors) EXPECT_EQ(s.likely, "over-strong") << s.order;
}

TEST(Judge, RelaxedSitesHaveNothingWeakerAndUnreachedSitesSaySo) {
  const auto relaxed = parse_sites(file, "void g() {\n x_.load(Sync::relaxed);\n y_.load(Sync::acquire);\n}");
  subject_matrix m;
  m.sites = relaxed;
  m.reached = {relaxed[0].id()};
  for (const auto& mutation : mutants_of(relaxed)) {
    mutant_result r;
    r.mutation = mutation;
    r.status = mutant_status::unreached;
    m.results.push_back(r);
  }
  const auto verdicts = judge(m, relaxed);
  EXPECT_EQ(verdicts[0].verdict, "nothing weaker");
  EXPECT_EQ(verdicts[1].verdict, "unreached");
}

TEST(Mutants, WeakeningACompareExchangeSuccessNotesItsClampedFailureOrder) {
  const auto cas = parse_sites(file, "void h() { c_.compare_exchange_strong(e, d, Sync::acq_rel, Sync::acquire); }");
  const auto mutants = mutants_of(cas);
  ASSERT_EQ(mutants.size(), 4u);  // success: acquire, release, relaxed; failure: relaxed
  EXPECT_EQ(mutants[0].order, "acquire");
  EXPECT_TRUE(mutants[0].note.empty());
  EXPECT_EQ(mutants[1].order, "release");
  EXPECT_NE(mutants[1].note.find("becomes relaxed"), std::string::npos);
  EXPECT_EQ(mutants[3].site.operation, "compare_exchange_failure");
}

}  // namespace
}  // namespace ordercheck::orders

namespace ordercheck::orders {
namespace {

TEST(DescribeBound, ReadsTheModelsPassesPerCell) {
  results::record random_then_bound, bound_only;
  random_then_bound.engine_settings = nlohmann::json::parse(
      R"({"profile":"quick","passes":[{"scheduler":"random","iterations":20000,"seed":0},{"scheduler":"bound","context_bound":2}]})");
  bound_only.engine_settings = nlohmann::json::parse(R"({"profile":"quick","passes":[{"scheduler":"bound","context_bound":1}]})");
  EXPECT_EQ(describe_bound({random_then_bound, random_then_bound, bound_only}),
            "profile quick: context bound 1; profile quick: random 20000 (seed 0) + context bound 2");
  EXPECT_EQ(describe_bound({}), "bound not reported by the model");
}

}  // namespace
}  // namespace ordercheck::orders
