// Every kind of failing step is marked in the swimlane the reports show
// (issue 10, part 7): the captured Relacy output of each kind
// (data/histories/), parsed as the model layer does and drawn as report.txt
// draws it, shows a "^ <role>" under each of its sites' steps.
#include "history_captures.hpp"
#include "history_parser.hpp"
#include "text_report.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ordercheck::model {
namespace {

results::record record_of(const std::string& text) {
  const parsed_history p = parse_history(text, "/src");
  results::record r;
  r.layer = "model";
  r.engine = "relacy";
  r.observed = p.kind;
  r.interleaving = p.steps;
  r.sites = p.sites;
  return r;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

struct kind_case {
  const char* capture;
  results::verdict kind;
  std::vector<std::string> roles;  // every site's role, each marked once
};

class marked : public ::testing::TestWithParam<kind_case> {};

TEST_P(marked, EverySiteOfTheFailureIsMarked) {
  const kind_case& c = GetParam();
  const results::record r = record_of(capture(c.capture));
  ASSERT_EQ(r.observed, c.kind);
  ASSERT_EQ(r.sites.size(), c.roles.size());
  const std::string lane = report::swimlane_text(r);
  for (const auto& role : c.roles) EXPECT_EQ(count(lane, "^ " + role), 1u) << role << "\n" << lane;
  EXPECT_EQ(count(lane, "^ "), c.roles.size()) << lane;
  // Negative control: without its sites, no step is marked.
  results::record unmarked = r;
  unmarked.sites.clear();
  EXPECT_EQ(count(report::swimlane_text(unmarked), "^ "), 0u);
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, marked,
    ::testing::Values(kind_case{"racing_load", results::verdict::data_race, {"racing access", "other access"}},
                      kind_case{"racing_store", results::verdict::data_race, {"racing access", "other access"}},
                      kind_case{"use_after_free", results::verdict::use_after_free,
                                {"access to freed memory", "freed here"}},
                      kind_case{"double_free", results::verdict::double_free, {"second free", "first free"}},
                      kind_case{"uninitialized_read", results::verdict::uninitialized_read, {"uninitialized read"}}),
    [](const ::testing::TestParamInfo<kind_case>& info) { return std::string(info.param.capture); });

// An assertion: Relacy's failure line is the step, marked "^ failure" (the
// uninitialized read's capture with an assertion's failure line instead).
TEST(Marked, AnAssertionsFailureLine) {
  std::string text = capture("uninitialized_read");
  for (auto at = text.find("ACCESS TO UNINITIALIZED VARIABLE"); at != std::string::npos;
       at = text.find("ACCESS TO UNINITIALIZED VARIABLE", at)) {
    text.replace(at, 32, "USER ASSERT FAILED (value == 1)");
  }
  const results::record r = record_of(text);
  ASSERT_EQ(r.observed, results::verdict::assertion);
  const std::string lane = report::swimlane_text(r);
  EXPECT_EQ(count(lane, "^ failure"), 1u) << lane;
  EXPECT_NE(lane.find("failure\n"), std::string::npos);
}

}  // namespace
}  // namespace ordercheck::model
