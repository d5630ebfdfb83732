// The order override table (ordering mutation without a rebuild): a lookup
// returns the override for exactly its site, and overriding one site changes
// the order Relacy runs: the reference refcounted_deleter's acq_rel
// decrement, weakened, is killed (the inner deleter's writes race the other
// owner's reads of the buffer).
#include "cell_test_support.hpp"

#include "call_site.hpp"
#include "cell_run.hpp"
#include "mutations.hpp"

namespace ordercheck::model::testing {
namespace {

class overrides : public ::testing::Test {
 protected:
  void TearDown() override { install_mutations({}); }
};

TEST_F(overrides, LookupReplacesOnlyTheOverriddenSite) {
  install_mutations({{"impl/ordercheck/x/reference.hpp:10:load", "relaxed"}});
  EXPECT_STREQ(site_overrides::lookup("/src/impl/ordercheck/x/reference.hpp", 10, site_operation::load, "acquire"),
               "relaxed");
  EXPECT_STREQ(site_overrides::lookup("/src/impl/ordercheck/x/reference.hpp", 11, site_operation::load, "acquire"),
               "acquire");
  EXPECT_STREQ(site_overrides::lookup("/src/impl/ordercheck/x/reference.hpp", 10, site_operation::store, "release"),
               "release");
  EXPECT_EQ(site_overrides::uses_at(0), 1u);
}

TEST_F(overrides, MalformedMutationsAreRejected) {
  EXPECT_THROW(parse_mutations({"impl/a.hpp:3:load"}), std::invalid_argument);
  EXPECT_THROW(parse_mutations({"impl/a.hpp:3:load=sloppy"}), std::invalid_argument);
  EXPECT_THROW(parse_mutations({"a.hpp:3:load=relaxed"}), std::invalid_argument);
  EXPECT_THROW(parse_mutations({"impl/a.hpp:x:load=relaxed"}), std::invalid_argument);
  EXPECT_EQ(parse_mutations({"impl/a.hpp:3:fetch_sub=release"}).at(0).second, "release");
}

// The reference release's decrement, found among the sites the cell reaches.
std::string reference_decrement(const cell& c) {
  const cell_run_result baseline = run_cell(c, {c.proof}, "test");
  EXPECT_EQ(baseline.record.observed, results::verdict::pass) << baseline.record.message;
  for (const auto& s : baseline.reached) {
    if (s.site.find("refcounted_deleter/reference.hpp:") != std::string::npos &&
        s.site.size() > 10 && s.site.compare(s.site.size() - 10, 10, ":fetch_sub") == 0) {
      EXPECT_EQ(s.declared_order, "acq_rel");
      return s.site;
    }
  }
  ADD_FAILURE() << "the reference decrement was not reached";
  return {};
}

TEST_F(overrides, WeakeningTheReferenceDecrementIsKilled) {
  const cell& c = find_cell("refcounted_deleter/reference/free_threaded/two_releases");
  const std::string site = reference_decrement(c);
  ASSERT_FALSE(site.empty());
  for (const char* weaker : {"release", "acquire", "relaxed"}) {
    install_mutations({{site, weaker}});
    const cell_run_result mutant = run_cell(c, {c.proof}, "test");
    EXPECT_EQ(mutant.record.observed, results::verdict::data_race)
        << site << "=" << weaker << ": " << mutant.record.message;
    EXPECT_GT(site_overrides::uses_at(0), 0u) << "the override was never consulted";
    ASSERT_EQ(mutant.record.mutations.size(), 1u);
    EXPECT_EQ(mutant.record.mutations[0].order, weaker);
  }
  // The declared order itself, as an override, changes nothing.
  install_mutations({{site, "acq_rel"}});
  EXPECT_EQ(run_cell(c, {c.proof}, "test").record.observed, results::verdict::pass);
}

}  // namespace
}  // namespace ordercheck::model::testing
