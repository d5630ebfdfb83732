// The results schema: a full record survives to_json/from_json and a JSON
// Lines file; bad input is rejected with an error that says where and why
// (file:line, the valid verdict names); a corrupted line is never accepted.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "result_record.hpp"
#include "temporary_directory.hpp"

namespace ordercheck::results {
namespace {

record full_record() {
  record r;
  r.check = "handle_cache/upstream/free_threaded/two_claimants";
  r.subject = "handle_cache";
  r.variant = "upstream";
  r.contract = "free_threaded";
  r.layer = "model";
  r.engine = "relacy";
  r.engine_settings = {{"search", "full"}, {"context_bound", 2}, {"iterations", 1000}};
  r.expected = {verdict::data_race, verdict::assertion};
  r.observed = verdict::data_race;
  r.message = "data race on the cached handle";
  r.sites = {{"impl/ordercheck/handle_cache/upstream.hpp", 38, "load", "acquire", "racing access"},
             {"impl/ordercheck/handle_cache/upstream.hpp", 44, "store", "", "other access"}};
  r.interleaving = {{1, 0, "impl/ordercheck/handle_cache/upstream.hpp", 44, "ptr_or", "store", "", "0x10", "[1] 0: store"},
                    {2, 1, "impl/ordercheck/handle_cache/upstream.hpp", 38, "ptr_or", "load", "acquire", "0", "[2] 1: load"}};
  r.scenario = "thread 0: ptr_or(a)\nthread 1: ptr_or(a)";
  r.replay = {"token-123", "ordercheck-model --replay token-123"};
  r.seed = 42;
  r.iterations = 17;
  r.wall_seconds = 0.25;
  r.mutations = {{"impl/ordercheck/handle_cache/reference.hpp:50:compare_exchange_strong", "release"}};
  return r;
}

// Field by field, so a failure names the field that did not survive.
void expect_same_record(const record& a, const record& b) {
  EXPECT_EQ(a.check, b.check);
  EXPECT_EQ(a.subject, b.subject);
  EXPECT_EQ(a.variant, b.variant);
  EXPECT_EQ(a.contract, b.contract);
  EXPECT_EQ(a.layer, b.layer);
  EXPECT_EQ(a.engine, b.engine);
  EXPECT_EQ(a.engine_settings, b.engine_settings);
  EXPECT_EQ(a.expected, b.expected);
  EXPECT_EQ(a.observed, b.observed);
  EXPECT_EQ(a.message, b.message);
  ASSERT_EQ(a.sites.size(), b.sites.size());
  for (std::size_t i = 0; i < a.sites.size(); ++i) {
    EXPECT_EQ(a.sites[i].file, b.sites[i].file);
    EXPECT_EQ(a.sites[i].line, b.sites[i].line);
    EXPECT_EQ(a.sites[i].operation, b.sites[i].operation);
    EXPECT_EQ(a.sites[i].order, b.sites[i].order);
    EXPECT_EQ(a.sites[i].role, b.sites[i].role);
  }
  ASSERT_EQ(a.interleaving.size(), b.interleaving.size());
  for (std::size_t i = 0; i < a.interleaving.size(); ++i) {
    const step& x = a.interleaving[i];
    const step& y = b.interleaving[i];
    EXPECT_EQ(x.step, y.step);
    EXPECT_EQ(x.thread, y.thread);
    EXPECT_EQ(x.file, y.file);
    EXPECT_EQ(x.line, y.line);
    EXPECT_EQ(x.function, y.function);
    EXPECT_EQ(x.operation, y.operation);
    EXPECT_EQ(x.order, y.order);
    EXPECT_EQ(x.value, y.value);
    EXPECT_EQ(x.text, y.text);
  }
  EXPECT_EQ(a.scenario, b.scenario);
  EXPECT_EQ(a.replay.token, b.replay.token);
  EXPECT_EQ(a.replay.command, b.replay.command);
  EXPECT_EQ(a.seed, b.seed);
  EXPECT_EQ(a.iterations, b.iterations);
  EXPECT_DOUBLE_EQ(a.wall_seconds, b.wall_seconds);
  ASSERT_EQ(a.mutations.size(), b.mutations.size());
  for (std::size_t i = 0; i < a.mutations.size(); ++i) {
    EXPECT_EQ(a.mutations[i].site, b.mutations[i].site);
    EXPECT_EQ(a.mutations[i].order, b.mutations[i].order);
  }
  EXPECT_EQ(a.raw_report, b.raw_report);
}

// A file in a fresh temporary directory, removed with it.
class ResultsFile : public testing::temporary_directory_test {
 protected:  std::string write(const std::string& name, const std::vector<std::string>& lines) {
    const std::string path = (directory_ / name).string();
    std::ofstream out(path);
    for (const auto& line : lines) out << line << '\n';
    return path;
  }
};

// read_json_lines must throw, and its message must contain each of `says`.
void expect_rejected(const std::string& path, const std::vector<std::string>& says) {
  try {
    read_json_lines(path);
    FAIL() << path << " was accepted, but it must be rejected";
  } catch (const std::runtime_error& error) {
    for (const auto& part : says) EXPECT_NE(std::string(error.what()).find(part), std::string::npos) << error.what();
  }
}

TEST(ResultRecord, FullRecordRoundTripsThroughJson) {
  const record original = full_record();
  const nlohmann::json json = original;
  EXPECT_EQ(json.at("schema"), schema_id);
  EXPECT_EQ(json.at("matches"), true);
  expect_same_record(original, json.get<record>());
}

TEST(ResultRecord, FullRecordRoundTripsThroughAJsonLine) {
  const record original = full_record();
  const std::string line = to_json_line(original);
  EXPECT_EQ(line.find('\n'), std::string::npos);  // one record per line
  expect_same_record(original, nlohmann::json::parse(line).get<record>());
}

TEST(ResultRecord, SiteStepsObjectsAndTheFixRoundTrip) {
  record original = full_record();
  original.sites[0].step = 2;
  original.sites[0].object = "object#1+8";
  original.interleaving[1].object = "buffer";
  original.fix.searched = true;
  original.fix.candidates = 3;
  original.fix.executions = 60000;
  original.fix.repairs = {{"impl/ordercheck/refcounted_deleter/reference.hpp:34:fetch_sub", "release", "acq_rel", 20000}};
  const record back = nlohmann::json(original).get<record>();
  EXPECT_EQ(back.sites[0].step, 2);
  EXPECT_EQ(back.sites[0].object, "object#1+8");
  EXPECT_EQ(back.interleaving[1].object, "buffer");
  ASSERT_TRUE(back.fix.searched);
  ASSERT_EQ(back.fix.repairs.size(), 1u);
  EXPECT_EQ(back.fix.repairs[0].to, "acq_rel");
  EXPECT_EQ(fix_text(back.fix),
            "fix: refcounted_deleter/reference.hpp:34 fetch_sub release -> acq_rel makes this cell pass "
            "(checked: 20000 executions)");
  // No search, no "fix" key; a search that found nothing says so.
  EXPECT_FALSE(nlohmann::json(full_record()).contains("fix"));
  original.fix.repairs.clear();
  EXPECT_EQ(fix_text(original.fix).rfind("fix: no single-site fix among 3 ", 0), 0u);
}

// An optional text field (`key` in the JSON, `field` in the record) round
// trips; control: a record with none has no key, and reads back as "".
void expect_optional_text_round_trip(const char* key, std::string record::*field, const std::string& value) {
  record original = full_record();
  original.*field = value;
  const nlohmann::json json = original;
  EXPECT_EQ(json.at(key), value);
  EXPECT_EQ(json.get<record>().*field, value);
  EXPECT_FALSE(nlohmann::json(full_record()).contains(key));
  EXPECT_EQ(nlohmann::json(full_record()).get<record>().*field, "");
}

TEST(ResultRecord, WhySentenceRoundTripsAndIsAbsentWhenThereIsNone) {
  expect_optional_text_round_trip(
      "why", &record::why, "why: thread 1's fetch_sub release at refcounted_deleter/reference.hpp:34 read thread 0's ...");
}

TEST(ResultRecord, RawReportPathRoundTripsAndIsAbsentWhenNoneWasKept) {
  expect_optional_text_round_trip("raw_report", &record::raw_report,
                                  "logs/stress-tsan/fixture__broken__free_threaded__plain_refcount_two_releases.txt");
}

TEST(ResultRecord, MissingSeedStaysMissing) {
  record original = full_record();
  original.seed.reset();
  const nlohmann::json json = original;
  EXPECT_TRUE(json.at("seed").is_null());
  EXPECT_FALSE(json.get<record>().seed.has_value());
}

TEST(ResultRecord, OutOfRangeNumbersAreRejected) {
  const nlohmann::json good = full_record();
  const auto expect_refused = [](const nlohmann::json& bad, const std::string& field) {
    try {
      bad.get<record>();
      FAIL() << bad.dump() << " was accepted";
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find(field), std::string::npos) << e.what();
    }
  };
  for (const nlohmann::json& value : {nlohmann::json(1e22), nlohmann::json(-1), nlohmann::json(2.5),
                                      nlohmann::json(4294967296ULL), nlohmann::json("3")}) {
    nlohmann::json bad = good;
    bad["interleaving"][0]["step"] = value;
    expect_refused(bad, "step");
    bad = good;
    bad["sites"][0]["line"] = value;
    expect_refused(bad, "line");
  }
  for (const char* field : {"seed", "iterations"}) {
    nlohmann::json bad = good;
    bad[field] = -5;
    expect_refused(bad, field);
    bad[field] = 1e300;
    expect_refused(bad, field);
  }
  nlohmann::json bad = good;
  bad["wall_seconds"] = -1.0;
  expect_refused(bad, "wall_seconds");
}

TEST(ResultRecord, MatchesWhenObservedIsExpected) {
  record r = full_record();
  EXPECT_TRUE(r.matches());
  r.observed = verdict::pass;
  EXPECT_FALSE(r.matches());
  EXPECT_EQ(nlohmann::json(r).at("matches"), false);
}

TEST(ResultRecord, EveryVerdictNameRoundTrips) {
  const auto names = all_verdict_names();
  EXPECT_EQ(names.size(), 14u);
  for (const auto& name : names) EXPECT_EQ(verdict_name(verdict_from_name(name)), name);
}

TEST(ResultRecord, UnknownVerdictListsTheValidNames) {
  try {
    verdict_from_name("racy");
    FAIL() << "an unknown verdict must be rejected";
  } catch (const std::invalid_argument& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("'racy'"), std::string::npos) << message;
    for (const auto& name : all_verdict_names()) EXPECT_NE(message.find(name), std::string::npos) << message;
  }
}

TEST(ResultRecord, WrongSchemaIsRejected) {
  nlohmann::json json = full_record();
  json["schema"] = "something.else/1";
  EXPECT_THROW(json.get<record>(), std::invalid_argument);
}

TEST_F(ResultsFile, ReadsEveryRecordAndSkipsBlankLines) {
  record second = full_record();
  second.check = "second";
  const std::string path = write("ok.jsonl", {to_json_line(full_record()), "", "  ", to_json_line(second)});
  const auto records = read_json_lines(path);
  ASSERT_EQ(records.size(), 2u);
  expect_same_record(records[0], full_record());
  EXPECT_EQ(records[1].check, "second");
}

TEST_F(ResultsFile, MalformedLineIsNamedByFileAndLine) {
  const std::string good = to_json_line(full_record());
  const std::string path = write("bad.jsonl", {good, good, "{\"schema\": "});
  expect_rejected(path, {path + ":3:"});
}

TEST_F(ResultsFile, UnknownVerdictInAFileNamesTheLineAndTheValidNames) {
  nlohmann::json json = full_record();
  json["observed"] = "racy";
  const std::string path = write("verdict.jsonl", {to_json_line(full_record()), json.dump()});
  expect_rejected(path, {path + ":2:", "'racy'", "data_race", "linearizability_violation"});
}

// Negative control: each kind of corruption of a valid line is rejected.
TEST_F(ResultsFile, CorruptedLineIsRejected) {
  const std::string good = to_json_line(full_record());
  nlohmann::json missing_field = full_record();
  missing_field.erase("subject");
  nlohmann::json wrong_type = full_record();
  wrong_type["check"] = 7;
  const std::vector<std::string> corrupted{
      good.substr(0, good.size() / 2),  // truncated, as by a killed writer
      good + "}",                       // trailing garbage
      missing_field.dump(),
      wrong_type.dump(),
      "[1, 2, 3]",
  };
  for (std::size_t i = 0; i < corrupted.size(); ++i) {
    SCOPED_TRACE("corruption " + std::to_string(i));
    const std::string path = write("corrupt" + std::to_string(i) + ".jsonl", {good, corrupted[i]});
    expect_rejected(path, {path + ":2:"});
  }
}

TEST_F(ResultsFile, MissingFileIsNamed) {
  const std::string path = (directory_ / "absent.jsonl").string();
  expect_rejected(path, {path, "cannot open"});
}

}  // namespace
}  // namespace ordercheck::results
