// The fix search (fix_search.hpp): the reference refcounted_deleter with its
// acq_rel decrement weakened to release is repaired by acq_rel at exactly
// that site; the upstream split decrement (load, then a separate decrement)
// is a logic defect that no single order change repairs (negative control).
#include "cell_test_support.hpp"

#include "cell_run.hpp"
#include "fix_search.hpp"
#include "mutations.hpp"
#include "profiles.hpp"

#include <iostream>

namespace ordercheck::model::testing {
namespace {

class fix_search_test : public ::testing::Test {
 protected:
  void TearDown() override { install_mutations({}); }
};

constexpr const char* decrement = "impl/ordercheck/refcounted_deleter/reference.hpp:34:fetch_sub";

TEST_F(fix_search_test, WeakenedDecrementIsRepairedByAcqRelAtThatSite) {
  const cell& c = find_cell("refcounted_deleter/reference/free_threaded/two_releases");
  install_mutations({{decrement, "release"}});
  failure_options options;
  options.fix = failure_options::fix_mode::always;
  const cell_run_result mutant = run_cell(c, profile_passes("quick", c), "quick", options);
  ASSERT_EQ(mutant.record.observed, results::verdict::data_race) << mutant.record.message;
  const results::fix_search& fix = mutant.record.fix;
  ASSERT_TRUE(fix.searched);
  std::cout << results::fix_text(fix) << "\n";
  ASSERT_FALSE(fix.repairs.empty()) << results::fix_text(fix);
  bool acq_rel_at_decrement = false;
  for (const auto& r : fix.repairs) {
    acq_rel_at_decrement = acq_rel_at_decrement || (r.site == decrement && r.from == "release" && r.to == "acq_rel");
    EXPECT_GT(r.executions, 0u);
  }
  EXPECT_TRUE(acq_rel_at_decrement) << results::fix_text(fix);
  EXPECT_NE(results::fix_text(fix).find("fix: refcounted_deleter/reference.hpp:34 fetch_sub release -> acq_rel makes "
                                        "this cell pass (checked: "),
            std::string::npos)
      << results::fix_text(fix);
  // The search leaves the override table as it found it.
  ASSERT_EQ(installed_mutations().size(), 1u);
  EXPECT_EQ(installed_mutations()[0].second, "release");
}

TEST_F(fix_search_test, NegativeControlUpstreamSplitDecrementHasNoSingleSiteFix) {
  const cell& c = find_cell("refcounted_deleter/upstream/free_threaded/two_releases");
  const auto passes = profile_passes("quick", c);
  const cell_run_result upstream = run_cell(c, passes, "quick");
  ASSERT_NE(upstream.record.observed, results::verdict::pass);
  const results::fix_search fix = search_fix(c, upstream.record, passes);
  std::cout << results::verdict_name(upstream.record.observed) << ": " << results::fix_text(fix) << "\n";
  EXPECT_TRUE(fix.repairs.empty()) << results::fix_text(fix);
  EXPECT_GT(fix.candidates, 0u) << "no atomic site on the path was tried";
  EXPECT_EQ(results::fix_text(fix).rfind("fix: no single-site fix among ", 0), 0u) << results::fix_text(fix);
}

TEST(fix_search_orders, OneStepStrongerPerOperation) {
  using v = std::vector<std::string>;
  EXPECT_EQ(one_step_stronger("load", "relaxed"), v{"acquire"});
  EXPECT_EQ(one_step_stronger("store", "relaxed"), v{"release"});
  EXPECT_EQ(one_step_stronger("fetch_sub", "relaxed"), (v{"acquire", "release"}));
  EXPECT_EQ(one_step_stronger("fetch_sub", "release"), v{"acq_rel"});
  EXPECT_EQ(one_step_stronger("fence", "acquire"), v{"acq_rel"});
  EXPECT_EQ(one_step_stronger("load", "acquire"), v{"seq_cst"});
  EXPECT_EQ(one_step_stronger("compare_exchange", "acq_rel"), v{"seq_cst"});
  EXPECT_TRUE(one_step_stronger("store", "seq_cst").empty());
}

}  // namespace
}  // namespace ordercheck::model::testing
