// Unit tests of the report writers, on the hand-written records in data/:
// golden text and SARIF, the SARIF structure (with negative controls), the
// swimlane's columns, JUnit escaping, and which records fail the gate.
#include "compact_history.hpp"
#include "history_table.hpp"
#include "html_report.hpp"
#include "junit_report.hpp"
#include "markdown_report.hpp"
#include "report_data.hpp"
#include "sarif_report.hpp"
#include "sarif_structure.hpp"
#include "step_text.hpp"
#include "text_report.hpp"
#include "text_table.hpp"
#include "why_text.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace ordercheck::report {
namespace {

const std::string data_dir = ORDERCHECK_REPORT_TEST_DATA;
const std::string golden_dir = ORDERCHECK_REPORT_TEST_GOLDEN;

std::vector<std::string> all_fixtures() {
  return {data_dir + "/model_race.jsonl", data_dir + "/model_mismatch.jsonl", data_dir + "/pass.jsonl",
          data_dir + "/stress_tsan.jsonl", data_dir + "/property_linearizability.jsonl"};
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Compares with the golden file; ORDERCHECK_UPDATE_GOLDEN=1 rewrites it.
void expect_golden(const std::string& actual, const std::string& name) {
  const std::string path = golden_dir + "/" + name;
  if (std::getenv("ORDERCHECK_UPDATE_GOLDEN")) {
    std::ofstream(path) << actual;
    GTEST_SKIP() << "rewrote " << path;
  }
  EXPECT_EQ(actual, read_file(path)) << "golden file " << path
                                     << " differs; if the change is intended, rerun with ORDERCHECK_UPDATE_GOLDEN=1";
}

// Appends a step in impl/ordercheck/x/y.hpp, numbered after the last, at
// the line of its own number.
void add_step(record& r, int thread, const std::string& op, const std::string& order, const std::string& value,
              const std::string& object) {
  results::step s;
  s.step = static_cast<int>(r.interleaving.size()) + 1;
  s.thread = thread;
  s.file = "impl/ordercheck/x/y.hpp";
  s.line = s.step;
  s.operation = op;
  s.order = order;
  s.value = value;
  s.object = object;
  r.interleaving.push_back(s);
}

// A model record: set-up, a race on "buffer" between steps 5 and 8, and
// unrelated steps on other locations in between.
record compact_fixture() {
  record r;
  r.layer = "model";
  r.engine = "relacy";
  auto add = [&](int thread, const std::string& op, const std::string& order, const std::string& object,
                 const std::string& text = "") {
    add_step(r, thread, op, order, "", object);
    if (op == "phase") r.interleaving.back().file = "";
    r.interleaving.back().text = text;
  };
  add(0, "phase", "", "", "[BEFORE BEGIN]");
  add(0, "plain store", "", "object#1");
  add(0, "plain store", "", "buffer");
  add(0, "phase", "", "", "[BEFORE END]");
  add(0, "plain load", "", "buffer+8");    // 5: other access
  add(1, "plain load", "", "object#1");    // 6: unrelated
  add(1, "load", "relaxed", "var#2");      // 7: unrelated relaxed atomic
  add(1, "plain store", "", "buffer+8");   // 8: racing access
  add(1, "failure", "", "");
  r.interleaving.back().line = 8;
  r.sites = {{"impl/ordercheck/x/y.hpp", 8, "plain store", "", "racing access", 8, "buffer+8"},
             {"impl/ordercheck/x/y.hpp", 5, "plain load", "", "other access", 5, "buffer+8"}};
  return r;
}

TEST(CompactHistory, FoldsSetUpAndOtherLocationsKeepsTheRace) {
  const record r = compact_fixture();
  const auto rows = compact_interleaving(r, false);
  std::string shape;
  for (const auto& row : rows) {
    shape += row.what == compact_row::kind::step ? std::to_string(row.step->step) : "[" + row.text + "]";
    shape += " ";
  }
  EXPECT_EQ(shape, "[before(): 2 steps] 5 [... 2 steps on other locations] 8 ");
  EXPECT_EQ(shown_steps(rows), 2u);
  const std::string lane = swimlane_text(r);
  EXPECT_NE(lane.find("compact: 2 of 9 steps"), std::string::npos) << lane;
  EXPECT_NE(lane.find("^ racing access"), std::string::npos) << lane;
  EXPECT_NE(lane.find("^ other access"), std::string::npos) << lane;
}

// A lock only one thread takes (another interpreter's GIL) orders nothing
// between the racing threads: folded. Control: the same lock taken by the
// other thread too is kept.
TEST(CompactHistory, ALockOnlyOneThreadTakesIsFolded) {
  record r = compact_fixture();
  r.interleaving.insert(r.interleaving.begin() + 5, r.interleaving[4]);  // 6: thread 0 locks its own GIL
  r.interleaving[5].step = r.interleaving[5].line = 50;
  r.interleaving[5].operation = "mutex lock";
  r.interleaving[5].object = "gil#A";
  EXPECT_EQ(shown_steps(compact_interleaving(r, false)), 2u);
  r.interleaving[6].object = "gil#A";  // thread 1 takes it too
  r.interleaving[6].operation = "mutex lock";
  EXPECT_EQ(shown_steps(compact_interleaving(r, false)), 4u);
}

// An assertion names no memory location: the atomics its thread used stand
// in, and only their atomic operations and frees are kept, not plain reads
// of the same object's other fields.
record assertion_fixture() {
  record r;
  r.layer = "model";
  r.engine = "relacy";
  auto add = [&](int thread, const std::string& op, const std::string& order, const std::string& object) {
    add_step(r, thread, op, order, "", object);
  };
  add(1, "fetch_sub", "seq_cst", "context");   // 1
  add(0, "fetch_sub", "seq_cst", "context");   // 2
  add(0, "plain load", "", "context+8");       // 3: a field of the same object
  add(1, "free", "", "context");               // 4
  add(0, "failure", "", "");                   // 5: the assertion
  r.sites = {{"impl/ordercheck/x/y.hpp", 5, "assertion", "", "failure", 5, ""}};
  return r;
}

TEST(CompactHistory, AnAssertionKeepsItsThreadsAtomicsAndFreesNotPlainReads) {
  record r = assertion_fixture();
  std::string shape;
  for (const auto& row : compact_interleaving(r, false)) {
    shape += row.what == compact_row::kind::step ? std::to_string(row.step->step) : "[" + row.text + "]";
    shape += " ";
  }
  EXPECT_EQ(shape, "1 2 [... 1 step on other locations] 4 5 ");
  // Negative control: a data race on the object names it, and every access to it is kept.
  r.sites = {{"impl/ordercheck/x/y.hpp", 3, "plain load", "", "racing access", 3, "context+8"}};
  r.interleaving[4].operation = "plain store";
  r.interleaving[4].object = "context+8";
  EXPECT_EQ(shown_steps(compact_interleaving(r, false)), 5u);
}

// An assertion's swimlane leaves out the GIL's bracket around each API call
// (gil_set's acquire and release), but keeps a slow path's release and retake
// of the GIL: under gil_released_in_slow that is the story.
TEST(CompactHistory, AnAssertionFoldsTheGilBracketButNotTheSlowPathsRelease) {
  record r = assertion_fixture();
  auto gil_step = [&](const std::string& function) {
    add_step(r, 0, "mutex lock", "", "", "mutex#9");
    r.interleaving.back().file = "impl/ordercheck/scenarios/scenario.hpp";
    r.interleaving.back().function = function;
  };
  gil_step("acquire");               // 6: the bracket
  gil_step("released_in_slow_path"); // 7: the contract's point
  gil_step("release");               // 8: the bracket
  gil_step("acquire");               // 9: thread 1's bracket: one GIL, shared by the interpreter's threads
  r.interleaving.back().thread = 1;
  std::string shape;
  for (const auto& row : compact_interleaving(r, false)) {
    shape += row.what == compact_row::kind::step ? std::to_string(row.step->step) : "[" + row.text + "]";
    shape += " ";
  }
  EXPECT_EQ(shape, "1 2 [... 1 step on other locations] 4 5 [... 1 step on other locations] 7 "
                   "[... 2 steps on other locations] ");
  // Negative control: the same lock steps in the primitive's own file are kept.
  for (std::size_t i = 5; i < 8; ++i) r.interleaving[i].file = "impl/ordercheck/x/y.hpp";
  EXPECT_EQ(shown_steps(compact_interleaving(r, false)), 7u);
}

TEST(CompactHistory, NegativeControlFullHistoryAndASiteInSetUpAreNotFolded) {
  record r = compact_fixture();
  EXPECT_EQ(shown_steps(compact_interleaving(r, true)), r.interleaving.size());
  r.sites[1].step = 3;  // the other access now in before()
  r.sites[1].object = "buffer";
  const auto rows = compact_interleaving(r, false);
  for (const auto& row : rows) EXPECT_EQ(row.text.find("before()"), std::string::npos) << row.text;
}

TEST(TextReport, NoLineIsWiderThanThePage) {
  std::istringstream text(text_report(read_results(all_fixtures())));
  for (std::string line; std::getline(text, line);) EXPECT_LE(line.size(), 120u) << line;
  // Negative control: the table would be wider unwrapped.
  text_table wide({"a", "b"});
  wide.add_row({std::string(100, 'x'), std::string(100, 'y')});
  std::size_t widest = 0;
  std::istringstream rendered(wide.render(1000));
  for (std::string line; std::getline(rendered, line);) widest = std::max(widest, line.size());
  EXPECT_GT(widest, 120u);
}

// A swimlane cell's path piece as wide as its column goes on a continuation
// line without the indent, never broken inside ("...hpp:10" / "2 ...").
TEST(TextTable, APieceAsWideAsTheColumnIsNotBrokenByTheIndent) {
  const std::string cell = "scenarios/refcounted_deleter_scenarios.hpp:102 free_buffer";
  EXPECT_EQ(wrap_text(cell, 36, " "), "scenarios/\nrefcounted_deleter_scenarios.hpp:102\n free_buffer\n");
  // Control: one column narrower, the piece cannot fit either way and is cut.
  EXPECT_EQ(wrap_text(cell, 35, " ").find("refcounted_deleter_scenarios.hpp:102\n"), std::string::npos);
}

// Three lanes of a long file name: when whole pieces cannot fit the page,
// file names break before their extension, and every line still fits.
// Control: with room enough, the file name stays whole.
TEST(TextTable, ThreeLanesOfALongFileNameStillFitThePage) {
  const std::string cell = "scenarios/refcounted_deleter_scenarios.hpp:105 free_buffer";
  text_table table({"step", "thread 0", "thread 1", "thread 2"});
  table.add_row({"1", cell, "", ""});
  table.add_row({"2", "", cell, ""});
  table.add_row({"3", "", "", cell});
  std::istringstream narrow(table.render(100));
  for (std::string line; std::getline(narrow, line);) EXPECT_LE(line.size(), 100u) << table.render(100);
  EXPECT_NE(table.render(100).find("refcounted_deleter_scenarios.\n"), std::string::npos) << table.render(100);
  EXPECT_NE(table.render(140).find("refcounted_deleter_scenarios.hpp:105"), std::string::npos) << table.render(140);
}

TEST(TextReport, MatchesGolden) { expect_golden(text_report(read_results(all_fixtures())), "report.txt"); }

TEST(SarifReport, MatchesGolden) {
  expect_golden(sarif_report(read_results(all_fixtures())).dump(2) + "\n", "ordercheck.sarif");
}

TEST(Classification, MismatchFailsTheGateAndUpstreamDefectsAreFindings) {
  const auto results = read_results(all_fixtures());
  EXPECT_FALSE(results.all_match());
  ASSERT_EQ(results.gate_failures().size(), 1u);
  EXPECT_EQ(results.gate_failures()[0]->check, "refcounted_deleter/reference/free_threaded/two_releases");
  EXPECT_EQ(results.expected_findings().size(), 3u);  // model race, stress race, linearizability
  EXPECT_EQ(results.cells.size(), 5u);
}

// Two mutants of the orders layer (one killed under free_threaded, one that
// survived every contract) beside one upstream finding.
std::vector<record> mutant_fixture() {
  auto mutant = [](const std::string& order, results::verdict observed, const std::string& contract) {
    record r;
    r.check = "orders/handle_cache/impl/ordercheck/handle_cache/reference.hpp:43:load=" + order;
    r.subject = "handle_cache";
    r.variant = "reference";
    r.contract = contract;
    r.layer = "orders";
    r.engine = "relacy";
    for (const auto& name : results::all_verdict_names()) {
      if (name != "error" && name != "engine_error") r.expected.push_back(results::verdict_from_name(name));
    }
    r.observed = observed;
    r.message = "load acquire -> " + order + (observed == results::verdict::pass ? " survived" : " is killed");
    r.mutations.push_back({"impl/ordercheck/handle_cache/reference.hpp:43:load", order});
    return r;
  };
  std::vector<record> records{mutant("relaxed", results::verdict::data_race, "free_threaded"),
                              mutant("consume", results::verdict::pass, "every")};
  record finding = records.front();
  finding.check = "handle_cache/upstream/free_threaded/two_claimants";
  finding.variant = "upstream";
  finding.layer = "model";
  finding.expected = {results::verdict::data_race};
  finding.mutations.clear();
  records.push_back(finding);
  return records;
}

TEST(Mutants, ReadAsKilledAndSurvivedNotAsUpstreamDefects) {
  const auto results = organize(mutant_fixture());
  ASSERT_EQ(results.mutants().size(), 2u);
  ASSERT_EQ(results.expected_findings().size(), 1u);
  EXPECT_EQ(results.expected_findings()[0]->layer, "model");
  // Sorted by check: "...=consume" before "...=relaxed".
  EXPECT_EQ(mutant_outcome(*results.mutants()[0]), "mutant survived (order stronger than any model needs)");
  EXPECT_EQ(mutant_outcome(*results.mutants()[1]), "mutant killed (data_race)");
  // One row for the subject's mutants, whatever contract killed them; no "every".
  std::vector<const cell*> orders_rows;
  for (const cell& c : results.cells) {
    if (c.layer == "orders") orders_rows.push_back(&c);
  }
  ASSERT_EQ(orders_rows.size(), 1u);
  const cell* orders = orders_rows.front();
  EXPECT_EQ(orders->name(), "handle_cache/reference");
  EXPECT_EQ(orders->expected_text(), "killed|survived");
  EXPECT_EQ(orders->observed_text(), "1 killed, 1 survived");
  const std::string text = text_report(results);
  EXPECT_EQ(text.find("/every"), std::string::npos) << text;
  EXPECT_EQ(text.find("use_after_free"), std::string::npos) << text;  // the expected column lists no verdict kinds
  EXPECT_NE(text.find("mutant survived (order stronger than any model needs): load acquire -> consume"),
            std::string::npos) << text;
  EXPECT_NE(text.find("1 expected finding\n"), std::string::npos) << text;
  EXPECT_EQ(sarif_report(results)["runs"][0]["results"].size(), 1u);  // the finding; mutants are not alerts
  // Negative control: the same records without their mutation are upstream-style findings again.
  auto plain = mutant_fixture();
  for (auto& r : plain) r.mutations.clear();
  EXPECT_TRUE(organize(plain).mutants().empty());
  EXPECT_EQ(organize(plain).expected_findings().size(), 2u);
}

// The weakened decrement: thread 0 reads the buffer, then decrements
// (release); thread 1's decrement reads thread 0's and tears the buffer down.
record weakened_decrement() {
  record r;
  r.layer = "model";
  r.observed = results::verdict::data_race;
  auto add = [&](int thread, const std::string& op, const std::string& order, const std::string& value,
                 const std::string& object) { add_step(r, thread, op, order, value, object); };
  add(0, "plain load", "", "7", "buffer");            // 1: other access
  add(0, "fetch_sub", "release", "2 -> 1", "count");  // 2
  add(1, "fetch_sub", "release", "1 -> 0", "count");  // 3: reads from step 2
  add(1, "plain store", "", "0", "buffer");           // 4: racing access
  r.sites = {{"impl/ordercheck/x/y.hpp", 4, "plain store", "", "racing access", 4, "buffer"},
             {"impl/ordercheck/x/y.hpp", 1, "plain load", "", "other access", 1, "buffer"}};
  return r;
}

TEST(WhyText, NamesTheReadsFromEdgeAndTheMissingAcquire) {
  record r = weakened_decrement();
  EXPECT_EQ(why_text(r),
            "why: thread 1's fetch_sub release at x/y.hpp:3 read thread 0's fetch_sub release at x/y.hpp:2, but the "
            "read is release, not acquire, so thread 0's plain load at x/y.hpp:1 is not ordered before thread 1's "
            "plain store at x/y.hpp:4");
  EXPECT_NE(text_report(organize({r})).find("why: thread 1's fetch_sub release"), std::string::npos);
  // Negative controls: a decrement that read no value of thread 0's, and one that synchronizes.
  record unsynchronized = r;
  unsynchronized.interleaving[2].value = "5 -> 4";
  EXPECT_EQ(why_text(unsynchronized).rfind("why: no atomic operation of thread 1 before its access read a value", 0), 0u)
      << why_text(unsynchronized);
  record synchronized = r;
  synchronized.interleaving[2].order = "acq_rel";
  EXPECT_NE(why_text(synchronized).find("synchronizes with it"), std::string::npos) << why_text(synchronized);
  record stress = r;
  stress.layer = "stress";
  EXPECT_EQ(why_text(stress), "");
}

TEST(WhyText, TheRecordCarriesItInResultsJsonl) {
  const auto results = organize({weakened_decrement()});
  const nlohmann::json json = results.records.front();
  EXPECT_EQ(json.value("why", ""), why_text(weakened_decrement()));
  // Negative controls: a stress record has no sentence and no key, and a
  // sentence the runner wrote is kept as it is.
  record stress = weakened_decrement();
  stress.layer = "stress";
  EXPECT_FALSE(nlohmann::json(organize({stress}).records.front()).contains("why"));
  record written = weakened_decrement();
  written.why = "why: written by the runner";
  EXPECT_EQ(organize({written}).records.front().why, "why: written by the runner");
}

TEST(WhyText, AUseAfterFreeNamesTheFree) {
  record r = weakened_decrement();
  r.observed = results::verdict::use_after_free;
  r.interleaving[1].operation = "free";  // thread 0 frees the buffer instead of decrementing
  r.interleaving[1].order = "";
  r.interleaving[1].value = "buffer";
  r.sites = {{"impl/ordercheck/x/y.hpp", 4, "plain store", "", "access to freed memory", 4, "buffer"}};
  EXPECT_EQ(why_text(r),
            "why: thread 0 freed buffer at x/y.hpp:2 and thread 1's plain store at x/y.hpp:4 came after it; no atomic "
            "operation of thread 1 read a value thread 0 wrote after the free, so no memory order repairs this: the "
            "logic lets both threads go on with the object");
}

TEST(Classification, OnlyMatchesPass) {
  EXPECT_TRUE(read_results({data_dir + "/pass.jsonl", data_dir + "/model_race.jsonl"}).all_match());
}

TEST(Classification, FindingsAreOrderedSmallestScenarioFirst) {
  const auto findings = read_results(all_fixtures()).expected_findings();
  for (std::size_t i = 1; i < findings.size(); ++i) {
    EXPECT_LE(findings[i - 1]->interleaving.size(), findings[i]->interleaving.size());
  }
}

TEST(Swimlane, HasOneColumnPerThreadAndPointsAtTheWeakenedLine) {
  const auto results = read_results(all_fixtures());
  const record& race = *results.expected_findings().back();  // the 3-thread model race
  const std::string lane = swimlane_text(race);
  EXPECT_NE(lane.find("step | thread 0"), std::string::npos) << lane;
  EXPECT_NE(lane.find("| thread 1"), std::string::npos) << lane;
  EXPECT_NE(lane.find("| thread 2"), std::string::npos) << lane;
  EXPECT_NE(lane.find("^ racing access"), std::string::npos) << lane;
  const std::string failure = swimlane_text(*results.gate_failures()[0]);
  EXPECT_NE(failure.find("refcounted_deleter/reference.hpp:34 refcounted_release"), std::string::npos) << failure;
  EXPECT_NE(failure.find("fetch_sub relaxed = 2 -> 1"), std::string::npos) << failure;
}

TEST(Swimlane, SaysWhenTheEngineRecordedNoInterleaving) {
  const auto results = read_results({data_dir + "/stress_tsan.jsonl"});
  EXPECT_EQ(swimlane_text(results.records[0]), "interleaving: none recorded by engine 'tsan'\n");
}

TEST(Swimlane, StressRaceAtOneLineNamesTheRacingAccessAndTheOther) {
  // TSan: two runs of the same plain store race; both accesses name one line.
  record r;
  r.layer = "stress";
  for (const char* role : {"other access", "racing access"}) {
    results::site site;
    site.file = "impl/ordercheck/owner_tag/upstream.hpp";
    site.line = 60;
    site.operation = "write";
    site.role = role;
    r.sites.push_back(site);
  }
  for (int i = 0; i < 2; ++i) {
    results::step step;
    step.step = i + 1;
    step.thread = i + 1;
    step.file = r.sites[0].file;
    step.line = 60;
    step.operation = "write";
    r.interleaving.push_back(step);
  }
  EXPECT_EQ(site_role_of(r, r.interleaving[0]), "other access");
  EXPECT_EQ(site_role_of(r, r.interleaving[1]), "racing access");
  r.layer = "model";  // model steps are not in site order: the first match
  EXPECT_EQ(site_role_of(r, r.interleaving[1]), "other access");
}

TEST(SarifStructure, GeneratedLogIsSound) {
  const auto problems = sarif_structure_problems(sarif_report(read_results(all_fixtures())));
  EXPECT_TRUE(problems.empty()) << problems.front();
}

TEST(SarifStructure, PointsAtTheRacingAccessWithTheOtherAsRelated) {
  const auto sarif = sarif_report(read_results({data_dir + "/model_race.jsonl"}));
  const auto& result = sarif["runs"][0]["results"][0];
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["region"]["startLine"], 38);
  EXPECT_EQ(result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"], 44);
  EXPECT_EQ(result["codeFlows"][0]["threadFlows"].size(), 3u);
  EXPECT_EQ(result["level"], "note");
}

// Negative controls: each broken log must be caught, naming the path.
TEST(SarifStructure, CatchesBrokenLogs) {
  const auto good = sarif_report(read_results(all_fixtures()));
  auto expect_caught = [](nlohmann::json broken, const std::string& path) {
    const auto problems = sarif_structure_problems(broken);
    ASSERT_FALSE(problems.empty()) << "not caught: " << path;
    EXPECT_NE(problems.front().find(path), std::string::npos) << problems.front();
  };
  // The first result with a location and a code flow (the model race).
  std::size_t index = 0;
  while (!good["runs"][0]["results"][index].contains("codeFlows")) ++index;
  auto result = [&index](nlohmann::json& log) -> nlohmann::json& { return log["runs"][0]["results"][index]; };
  auto broken = good;
  broken["version"] = "2.0.0";
  expect_caught(broken, "$.version");
  broken = good;
  broken["runs"][0]["tool"]["driver"].erase("name");
  expect_caught(broken, "tool.driver.name");
  broken = good;
  result(broken)["locations"][0]["physicalLocation"]["region"]["startLine"] = 0;
  expect_caught(broken, "region.startLine");
  broken = good;
  result(broken)["ruleIndex"] = 99;
  expect_caught(broken, "ruleIndex");
  broken = good;
  result(broken)["message"].erase("text");
  expect_caught(broken, "message.text");
  broken = good;
  result(broken)["codeFlows"][0]["threadFlows"][0]["locations"][0].erase("location");
  expect_caught(broken, "threadFlows[0].locations[0].location");
}

TEST(JunitReport, OneTestcasePerCellAndLayerWithEscapedFailures) {
  auto records = read_results(all_fixtures()).records;
  records[0].message = "a <b> & \"c\" 'd'";
  records[0].expected = {results::verdict::pass};
  const std::string xml = junit_report(organize(records));
  std::size_t testcases = 0;
  for (std::size_t at = xml.find("<testcase"); at != std::string::npos; at = xml.find("<testcase", at + 1)) ++testcases;
  EXPECT_EQ(testcases, 5u);
  EXPECT_NE(xml.find("a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;"), std::string::npos) << xml;
  EXPECT_EQ(xml.find("<b>"), std::string::npos);
  EXPECT_NE(xml.find("<testsuites name=\"ordercheck\" tests=\"5\" failures=\"2\">"), std::string::npos) << xml;
}

TEST(JunitReport, NoRecordsIsOneFailingTestcase) {
  const std::string xml = junit_report(organize({}));
  EXPECT_NE(xml.find("<testsuites name=\"ordercheck\" tests=\"1\" failures=\"1\">"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<failure type=\"no_results\" message=\"no results were produced\">"), std::string::npos) << xml;
}

TEST(HtmlReport, SelfContainedWithOneLaneElementPerThread) {
  const std::string html = html_report(read_results(all_fixtures()));
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_NE(html.find("data-threads=\"3\" data-steps=\"7\""), std::string::npos);
  EXPECT_NE(html.find("data-threads=\"2\" data-steps=\"4\""), std::string::npos);
}

TEST(MarkdownReport, SaysFailAndListsTheGateFailure) {
  const std::string md = markdown_report(read_results(all_fixtures()));
  EXPECT_EQ(md.rfind("## ordercheck: FAIL", 0), 0u) << md;
  EXPECT_NE(md.find("| refcounted_deleter/reference/free_threaded | model | relacy | pass | data_race | :x: mismatch |"),
            std::string::npos)
      << md;
}

// A stress finding whose record names ThreadSanitizer's kept report: the text
// report gives the path, the HTML report links it, SARIF carries it as a
// property. Negative control: the same record without one mentions none.
TEST(RawReport, EveryReportNamesTheKeptFileAndOnlyThen) {
  const std::string path = "logs/stress-tsan/handle_cache.upstream.free_threaded.two_claimants.txt";
  auto records = read_results({data_dir + "/stress_tsan.jsonl"}).records;
  ASSERT_EQ(records.size(), 1u);
  records[0].raw_report = path;
  const run_results kept = organize(records);
  EXPECT_NE(text_report(kept).find("tsan's own report: " + path + "\n"), std::string::npos) << text_report(kept);
  EXPECT_NE(html_report(kept).find("<a href=\"" + path + "\">"), std::string::npos);
  const nlohmann::json sarif = sarif_report(kept);
  EXPECT_EQ(sarif["runs"][0]["results"][0]["properties"]["rawReport"], path);

  records[0].raw_report.clear();
  const run_results none = organize(records);
  EXPECT_EQ(text_report(none).find("own report"), std::string::npos);
  EXPECT_EQ(html_report(none).find("own report"), std::string::npos);
  EXPECT_FALSE(sarif_report(none)["runs"][0]["results"][0]["properties"].contains("rawReport"));
}

// The properties layer's history table, as ordercheck-properties writes it
// (history_report.hpp: cells padded to 34 characters), with one call longer
// than that: laid out again, every row's separators line up.
std::string owner_tag_history() {
  auto pad = [](std::string cell) { return cell + std::string(cell.size() < 34 ? 34 - cell.size() : 0, ' ') + " | "; };
  return "linearizability_violation in the minimal program (9 shrinks from the first failing one, run 1 of it):\n"
         "prefix:   init(A, tagged_by_other)\n"
         "thread 1: set_owns(false)\n"
         "thread 2: init(A, maybe_uninitialized)\n"
         "history (one column per thread; [invoke..return] on one clock):\n"
         "  " + pad("prefix") + pad("thread 1") + pad("thread 2") + "\n"
         "  " + pad("init(A, tagged_by_other) -> ownership_error(owner 0) [1..2]") + pad("") + pad("") + "\n"
         "  " + pad("") + pad("") + pad("init(A, maybe_uninitialized) -> 2 [5..6]") + "\n"
         "  " + pad("") + pad("set_owns(false) -> none [7..8]") + pad("") + "\n"
         "no legal linearization; the longest legal prefix is: init(A, tagged_by_other)->ownership_error(owner 0);\n";
}

// The column of each '|' of a table line.
std::vector<std::size_t> separators(const std::string& line) {
  std::vector<std::size_t> at;
  for (auto i = line.find('|'); i != std::string::npos; i = line.find('|', i + 1)) at.push_back(i);
  return at;
}

TEST(HistoryTable, RowsLineUpAndFitThePage) {
  const std::string tidy = tidy_history_tables(owner_tag_history(), 100);
  std::istringstream in(tidy);
  std::vector<std::string> table;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("  ", 0) == 0 && line.find('|') != std::string::npos) table.push_back(line);
  }
  for (const auto& line : table) EXPECT_LE(line.size(), 100u) << line;  // the rest wraps with the page
  ASSERT_GE(table.size(), 4u) << tidy;  // the header and three calls (wrapped to fit)
  for (const auto& line : table) EXPECT_EQ(separators(line), separators(table.front())) << tidy;
  EXPECT_NE(tidy.find("no legal linearization"), std::string::npos);
  EXPECT_NE(tidy.find("thread 2: init(A, maybe_uninitialized)\n"), std::string::npos);
  // Negative control: the layer's own padding does not line up.
  std::istringstream raw(owner_tag_history());
  std::vector<std::vector<std::size_t>> raw_separators;
  for (std::string line; std::getline(raw, line);) {
    if (line.rfind("  ", 0) == 0) raw_separators.push_back(separators(line));
  }
  ASSERT_EQ(raw_separators.size(), 4u);
  EXPECT_NE(raw_separators[0], raw_separators[1]);
}

TEST(HistoryTable, AnEmptyPrefixColumnIsLeftOutAndOtherTextIsUnchanged) {
  std::string history = owner_tag_history();
  const std::string long_call = "init(A, tagged_by_other) -> ownership_error(owner 0) [1..2]";
  history.replace(history.find(long_call), long_call.size(), "");
  const std::string tidy = tidy_history_tables(history, 100);
  EXPECT_EQ(tidy.find("prefix  "), std::string::npos) << tidy;
  EXPECT_NE(tidy.find("thread 1"), std::string::npos) << tidy;
  // Negative controls: a scenario without a table, and a title without rows.
  EXPECT_EQ(tidy_history_tables("thread 0: a | b\n", 100), "thread 0: a | b\n");
  EXPECT_EQ(tidy_history_tables("history (one column per thread; x):\nno rows", 100),
            "history (one column per thread; x):\nno rows");
  EXPECT_FALSE(has_history_table("history (smallest after shrinking):\n"));
}

TEST(HistoryTable, AFindingOnRealThreadsPointsAtItsHistory) {
  record r;
  r.layer = "properties";
  r.engine = "rapidcheck";
  r.observed = results::verdict::linearizability_violation;
  r.scenario = owner_tag_history();
  EXPECT_NE(swimlane_text(r).find("(the history above: each thread's calls, results and clock)"), std::string::npos);
  r.scenario = "history (smallest after shrinking):\n";  // control: no table, no pointer to it
  EXPECT_EQ(swimlane_text(r), "interleaving: none recorded by engine 'rapidcheck'\n");
}

TEST(Summary, NoResultsIsNotAPass) {
  const auto results = organize({});
  EXPECT_NE(summary_text(results).find("GATE: FAIL"), std::string::npos);
}

}  // namespace
}  // namespace ordercheck::report
