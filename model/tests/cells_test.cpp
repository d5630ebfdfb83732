// The gate's ground truth for the model layer:
//  - every cell gives its expected verdict (kind included) under the quick
//    profile, with its fixed seed, so every time;
//  - every upstream defect is found, with an expected kind, from each of
//    seeds 0..9 of the quick profile's random search;
//  - every reference cell passes its proof search (full search where
//    it completes, else context bound 2; cell::proof says which and why).
#include "cell_test_support.hpp"

#include "cell_run.hpp"
#include "profiles.hpp"

namespace ordercheck::model::testing {
namespace {

class every_cell : public ::testing::TestWithParam<const cell*> {};

TEST_P(every_cell, QuickProfileGivesTheExpectedVerdict) {
  const cell& c = *GetParam();
  const cell_run_result result = run_cell(c, profile_passes("quick", c), "quick");
  EXPECT_TRUE(c.expects(result.record.observed))
      << c.id() << ": observed " << results::verdict_name(result.record.observed) << " — "
      << result.record.message;
}

INSTANTIATE_TEST_SUITE_P(Model, every_cell, ::testing::ValuesIn(cells_where([](const cell&) { return true; })),
                         test_name);

class upstream_defect : public ::testing::TestWithParam<const cell*> {};

TEST_P(upstream_defect, FoundWithAnExpectedKindFromEachOfTenSeeds) {
  const cell& c = *GetParam();
  for (unsigned long long seed = 0; seed < 10; ++seed) {
    run_settings random;
    random.iterations = quick_random_iterations;
    random.seed = seed;
    const engine_outcome outcome = c.run(random);
    EXPECT_TRUE(c.expects(outcome.observed))
        << c.id() << " seed " << seed << ": observed " << results::verdict_name(outcome.observed)
        << " after " << outcome.iterations << " executions";
  }
}

INSTANTIATE_TEST_SUITE_P(Model, upstream_defect, ::testing::ValuesIn(cells_where(expects_failure)),
                         test_name);

class clean_cell : public ::testing::TestWithParam<const cell*> {};

TEST_P(clean_cell, PassesItsProofSearch) {
  const cell& c = *GetParam();
  const engine_outcome outcome = c.run(c.proof);
  EXPECT_EQ(outcome.observed, results::verdict::pass)
      << c.id() << " under " << describe_pass(c.proof) << ": " << outcome.engine_result << "\n"
      << outcome.history;
  EXPECT_GT(outcome.iterations, 0u);
}

INSTANTIATE_TEST_SUITE_P(Model, clean_cell, ::testing::ValuesIn(cells_where(is_reference)), test_name);

}  // namespace
}  // namespace ordercheck::model::testing
