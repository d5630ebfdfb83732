// The one-look matrix at the top of report.txt (summary_matrix.hpp): each
// mark says what its cell's records say, a mismatch reads FAIL (the negative
// control: the same cell with a matching verdict does not), and the matrix
// keeps to the page width even with long names.
#include "summary_matrix.hpp"
#include "text_table.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace ordercheck::report {
namespace {

record make(const std::string& variant, const std::string& contract, const std::string& layer,
            std::vector<results::verdict> expected, results::verdict observed) {
  record r;
  r.subject = "demo";
  r.variant = variant;
  r.contract = contract;
  r.layer = layer;
  r.check = "demo/" + variant + "/" + contract + "/scenario";
  r.expected = std::move(expected);
  r.observed = observed;
  return r;
}

using results::verdict;

TEST(SummaryMatrix, EachMarkSaysWhatItsRecordsSay) {
  const run_results run = organize({
      make("reference", "gil", "model", {verdict::pass}, verdict::pass),
      make("upstream", "gil", "model", {verdict::data_race}, verdict::data_race),
      make("upstream", "gil", "stress", {verdict::data_race, verdict::pass}, verdict::pass),
      make("broken", "gil", "model", {verdict::pass}, verdict::data_race),
  });
  std::map<std::string, std::string> marks;
  for (const cell& c : run.cells) marks[c.name() + " " + c.layer] = cell_mark(c);
  EXPECT_EQ(marks["demo/reference/gil model"], "ok");
  EXPECT_EQ(marks["demo/upstream/gil model"], "found");
  EXPECT_EQ(marks["demo/upstream/gil stress"], "not seen");
  EXPECT_EQ(marks["demo/broken/gil model"], "FAIL");

  const std::string text = summary_matrix_text(run);
  EXPECT_NE(text.find("  upstream/gil    found  not seen\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  broken/gil      FAIL\n"), std::string::npos) << text;
}

TEST(SummaryMatrix, NegativeControlAMatchingVerdictIsNotAFailure) {
  const run_results run = organize({make("broken", "gil", "model", {verdict::data_race}, verdict::data_race)});
  EXPECT_EQ(summary_matrix_text(run).find("FAIL\n"), std::string::npos);
}

TEST(SummaryMatrix, LongNamesStillFitThePage) {
  const std::string long_variant(90, 'v');
  const run_results run = organize({make(long_variant, "gil", "model", {verdict::pass}, verdict::pass),
                                    make(long_variant, "gil", "properties-model", {verdict::pass}, verdict::pass)});
  std::istringstream lines(summary_matrix_text(run));
  for (std::string line; std::getline(lines, line);) EXPECT_LE(line.size(), page_width) << line;
}

}  // namespace
}  // namespace ordercheck::report
