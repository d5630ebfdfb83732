// history_parser on captured Relacy output (data/histories/, written by
// history_capture.cpp): the facts a report states, each with a negative
// control, and inputs that once crashed the parser.
#include "history_captures.hpp"
#include "history_names.hpp"
#include "history_parser.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>

namespace ordercheck::model {
namespace {

using results::verdict;

parsed_history parse(const std::string& text) { return parse_history(text, "/src"); }

const results::site* site_with_role(const parsed_history& p, const std::string& role) {
  for (const auto& s : p.sites) {
    if (s.role == role) return &s;
  }
  return nullptr;
}

const results::step& step_at(const parsed_history& p, int number) {
  return p.steps.at(static_cast<std::size_t>(number - 1));
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// The history with its failing access turned into a store (what Relacy
// would print had thread 2 written instead of read).
std::string racing_load_as_store(const std::string& text) {
  const auto failing = text.find("[13] 2: <");
  const auto load = text.find("> load, value=0", failing);
  return text.substr(0, load) + "> store, value=0" + text.substr(load + 15);
}

// ---- paths relative to the build folder (ccache's CCACHE_BASEDIR) --------

TEST(HistoryParser, PathsRelativeToTheBuildFolderAreRepositoryPaths) {
  const parsed_history absolute = parse(capture("racing_load"));
  const parsed_history relative = parse(replace_all(capture("racing_load"), "/src/", "../../"));
  ASSERT_EQ(relative.sites.size(), absolute.sites.size());
  for (std::size_t i = 0; i < absolute.sites.size(); ++i) {
    EXPECT_EQ(relative.sites[i].file, absolute.sites[i].file);
  }
  // Negative control: a relative path outside impl/ is left as it is.
  const parsed_history other = parse(replace_all(capture("racing_load"), "/src/model/", "../../elsewhere/"));
  ASSERT_FALSE(other.sites.empty());
  EXPECT_EQ(other.sites[0].file.rfind("../../elsewhere/", 0), 0u) << other.sites[0].file;
}

// ---- a racing load's partner is the store it is unordered with ----------

TEST(HistoryParser, RacingLoadsPartnerIsTheEarlierStoreNotTheLaterLoad) {
  const parsed_history p = parse(capture("racing_load"));
  ASSERT_EQ(p.kind, verdict::data_race);
  ASSERT_EQ(p.sites.size(), 2u);
  EXPECT_EQ(p.sites[0].role, "racing access");
  EXPECT_EQ(p.sites[0].line, 45);
  EXPECT_EQ(p.sites[0].operation, "plain load");
  const results::site& other = p.sites[1];
  EXPECT_EQ(other.role, "other access");
  EXPECT_EQ(other.operation, "plain store");  // thread 1's data.store(7)
  EXPECT_EQ(other.line, 39);
  EXPECT_EQ(step_at(p, other.step).thread, 1);
  EXPECT_EQ(step_at(p, other.step).value, "7");
  // Thread 0's acquire-ordered load of the same variable comes later and is
  // by another thread: the access a "last access by another thread" rule
  // would name. It does not conflict with a load.
  EXPECT_NE(other.line, 42);
}

TEST(HistoryParser, NegativeControlARacingStoresPartnerMayBeALoad) {
  // The same history, but the failing access a store: now thread 0's load
  // conflicts with it and is the latest access by another thread.
  const parsed_history p = parse(racing_load_as_store(capture("racing_load")));
  ASSERT_EQ(p.sites.size(), 2u);
  EXPECT_EQ(p.sites[0].operation, "plain store");
  EXPECT_EQ(p.sites[1].operation, "plain load");
  EXPECT_EQ(p.sites[1].line, 42);
}

// ---- the value shown is the value written ---------------------------------

TEST(HistoryParser, RacingStoreShowsTheValueItWasWriting) {
  const parsed_history p = parse(capture("racing_store"));
  ASSERT_EQ(p.kind, verdict::data_race);
  ASSERT_EQ(p.sites.size(), 2u);
  const results::step& racing = step_at(p, p.sites[0].step);
  EXPECT_EQ(racing.operation, "plain store");
  EXPECT_EQ(racing.thread, 1);
  EXPECT_EQ(racing.value, "5");  // Relacy's own line says value=0
  EXPECT_EQ(step_at(p, p.sites[1].step).value, "-1");
  for (const auto& s : p.steps) EXPECT_NE(s.operation, "store intent");  // bookkeeping, not steps
}

TEST(HistoryParser, NegativeControlWithoutTheStoreIntentTheValueIsRelacysPlaceholder) {
  // Relacy alone logs a racing store with the value T(): the sync policy's
  // store intent is what carries the real one.
  std::string text = capture("racing_store");
  const auto intent = text.find("[7] 1: store intent");
  text.erase(intent, text.find('\n', intent) + 1 - intent);
  const parsed_history p = parse(text);
  EXPECT_EQ(step_at(p, p.sites[0].step).value, "0");
}

// ---- fences carry their order ---------------------------------------------

TEST(HistoryParser, FencesCarryTheirOrder) {
  const parsed_history p = parse(capture("weak_fence"));
  int fences = 0;
  for (const auto& s : p.steps) {
    if (s.operation != "fence") continue;
    ++fences;
    EXPECT_EQ(s.order, "acquire") << s.text;
  }
  EXPECT_EQ(fences, 2);
}

TEST(HistoryParser, NegativeControlAnotherFenceOrderIsNotReadAsAcquire) {
  const parsed_history p = parse(replace_all(capture("weak_fence"), "1: acquire fence", "1: compiler seq_cst fence"));
  std::string orders;
  for (const auto& s : p.steps) {
    if (s.operation == "fence") orders += s.order + ";";
  }
  EXPECT_EQ(orders, "acquire;seq_cst;");
}

// ---- a double free names both frees ---------------------------------------

TEST(HistoryParser, DoubleFreeNamesBothFreesAndTheObject) {
  const parsed_history p = parse(capture("double_free"));
  ASSERT_EQ(p.kind, verdict::double_free);
  const results::site* second = site_with_role(p, "second free");
  const results::site* first = site_with_role(p, "first free");
  ASSERT_NE(second, nullptr);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(step_at(p, second->step).thread, 1);
  EXPECT_EQ(step_at(p, first->step).thread, 0);
  EXPECT_LT(first->step, second->step);
  EXPECT_EQ(first->object, "shared int");  // the name the scenario registered
  EXPECT_EQ(second->object, "shared int");
}

TEST(HistoryParser, NegativeControlAFreeOfAnotherObjectIsNotTheFirstFree) {
  // Thread 0 frees a different block: no first free of *this* object remains.
  std::string text = capture("double_free");
  const auto free0 = text.find("[6] 0: memory deallocation: addr=0x");
  const auto digit = text.find("0x", free0) + 2;
  text[digit] = text[digit] == '1' ? '2' : '1';
  const parsed_history p = parse(text);
  ASSERT_NE(site_with_role(p, "second free"), nullptr);
  EXPECT_EQ(site_with_role(p, "first free"), nullptr);
}

// ---- a use after free names the access and the free -----------------------

TEST(HistoryParser, UseAfterFreeNamesTheAccessAndTheFree) {
  const parsed_history p = parse(capture("use_after_free"));
  ASSERT_EQ(p.kind, verdict::use_after_free);
  ASSERT_EQ(p.sites.size(), 2u);
  // The access Relacy logs before it fails, in the named object.
  EXPECT_EQ(p.sites[0].role, "access to freed memory");
  EXPECT_EQ(p.sites[0].operation, "access");
  EXPECT_EQ(p.sites[0].object, "box+16");
  EXPECT_EQ(step_at(p, p.sites[0].step).thread, 1);
  // The free that came before it, on the other thread.
  EXPECT_EQ(p.sites[1].role, "freed here");
  EXPECT_EQ(p.sites[1].operation, "free");
  EXPECT_EQ(p.sites[1].object, "box");
  EXPECT_EQ(step_at(p, p.sites[1].step).thread, 0);
  EXPECT_LT(p.sites[1].step, p.sites[0].step);
}

TEST(HistoryParser, NegativeControlWithoutTheAccessLineThereIsNoFreeToName) {
  // Only the failure line: no address, so no object, so no free of it.
  std::string text = capture("use_after_free");
  const auto access = text.find("[8] 1: <0x");
  text.erase(access, text.find('\n', access) + 1 - access);
  const parsed_history p = parse(text);
  ASSERT_EQ(p.kind, verdict::use_after_free);
  ASSERT_EQ(p.sites.size(), 1u);
  EXPECT_EQ(p.sites[0].operation, "failure");
  EXPECT_EQ(site_with_role(p, "freed here"), nullptr);
}

// ---- an uninitialized read is its own kind, with its site ------------------

TEST(HistoryParser, UninitializedReadIsItsOwnKindWithTheSite) {
  const parsed_history p = parse(capture("uninitialized_read"));
  EXPECT_EQ(p.failure, "ACCESS TO UNINITIALIZED VARIABLE");
  EXPECT_EQ(p.kind, verdict::uninitialized_read);
  ASSERT_EQ(p.sites.size(), 1u);
  EXPECT_EQ(p.sites[0].role, "uninitialized read");
  EXPECT_EQ(p.sites[0].operation, "plain load");
  EXPECT_EQ(p.sites[0].line, 88);
  EXPECT_FALSE(p.steps.empty());
}

TEST(HistoryParser, NegativeControlAnUnknownResultIsAnEngineErrorWithItsText) {
  const std::string text =
      replace_all(capture("uninitialized_read"), "ACCESS TO UNINITIALIZED VARIABLE", "SOMETHING NEW (in Relacy 3)");
  const parsed_history p = parse(text);
  EXPECT_EQ(p.kind, verdict::engine_error);
  EXPECT_EQ(p.failure, "SOMETHING NEW (in Relacy 3)");
  EXPECT_EQ(failure_kind("USER ASSERT FAILED (count >= 0)"), verdict::assertion);
  EXPECT_EQ(failure_kind(""), verdict::error);
}

// ---- names, not addresses ---------------------------------------------------

std::string flatten(const parsed_history& p) {
  std::ostringstream out;
  out << p.failure << "\n";
  for (const auto& s : p.steps) {
    out << s.step << " " << s.thread << " " << s.file << ":" << s.line << " " << s.function << " " << s.operation
        << " " << s.order << " " << s.value << " [" << s.object << "] " << s.text << "\n";
  }
  for (const auto& s : p.sites) out << s.role << " " << s.step << " " << s.object << "\n";
  return out.str();
}

TEST(HistoryParser, NoAddressInAnyStepOrSite) {
  for (const char* name :
       {"racing_load", "racing_store", "weak_fence", "double_free", "uninitialized_read", "use_after_free"}) {
    const std::string flat = flatten(parse(capture(name)));
    EXPECT_EQ(flat.find("0x"), std::string::npos) << name << "\n" << flat;
  }
}

TEST(HistoryParser, SameScheduleWithOtherAddressesParsesByteForByteTheSame) {
  for (const char* name : {"racing_load", "double_free"}) {
    const std::string first = capture(name);
    const std::string rerun = capture(std::string(name) + "_rerun");
    ASSERT_NE(first, rerun) << "the captures should differ in their addresses";
    EXPECT_EQ(flatten(parse(first)), flatten(parse(rerun))) << name;
  }
}

TEST(HistoryParser, NamesFollowAllocationOrderAndRegistration) {
  const parsed_history p = parse(capture("racing_load"));
  // Scenario members (not heap objects) are var#N in order of first use.
  EXPECT_EQ(step_at(p, 1).object, "");  // [CTOR BEGIN]
  std::string objects;
  for (const auto& s : p.steps) {
    if (!s.object.empty()) objects += s.object + " ";
  }
  EXPECT_EQ(objects, "var#1 var#2 var#2 var#1 var#1 ");
  const parsed_history freed = parse(capture("double_free"));
  for (const auto& s : freed.steps) {
    if (s.operation == "allocate") {
      EXPECT_EQ(s.value, "shared int");
    }
  }
}

TEST(HistoryNames, AddressesInDecimalAreNamedShortNumbersAreNot) {
  history_names names;
  names.allocated(93843326680784u, 16);
  names.rewind();
  names.next_allocation();
  EXPECT_EQ(names.rewrite("plain load = 93843326680784, 93843326680792"), "plain load = object#1, object#1+8");
  // Negative control: counts and values of under 12 digits stay numbers.
  EXPECT_EQ(names.rewrite("fetch_sub = 2 -> 1, 12345678901"), "fetch_sub = 2 -> 1, 12345678901");
}

TEST(HistoryParser, StepsAreNumberedWithoutGaps) {
  const parsed_history p = parse(capture("racing_store"));
  for (std::size_t i = 0; i < p.steps.size(); ++i) EXPECT_EQ(p.steps[i].step, static_cast<int>(i) + 1);
}

// ---- inputs that once crashed or misled the parser (issue 14, item 8) -----

TEST(HistoryParser, TenDigitStepNumberIsNotAnEventAndDoesNotThrow) {
  const std::string text = "X\nDATA RACE (d)\niteration: 1\n\nexecution history (1):\n"
                           "[9999999999] 0: <0x1> load, value=0, in f, /src/a.hpp(1)\n"
                           "[1] 99999999999: <0x1> load, value=0, in f, /src/a.hpp(1)\n"
                           "[1] 0: <0x1> load, value=0, in f, /src/a.hpp(99999999999)\n";
  parsed_history p;
  EXPECT_NO_THROW(p = parse(text));
  EXPECT_TRUE(p.steps.empty());
  EXPECT_EQ(p.kind, verdict::data_race);
}

// ccache's base_dir makes __FILE__ relative to the build folder: the site is
// still named from the source root. Negative control: an absolute path outside
// the source root is left as it is.
TEST(HistoryParser, BuildRelativeFilesAreNamedFromTheSourceRoot) {
  const std::string text = "X\nDATA RACE (d)\niteration: 1\n\nexecution history (2):\n"
                           "[1] 0: <0x1> load, value=0, in f, ../../impl/ordercheck/a.hpp(3)\n"
                           "[2] 1: <0x1> store, value=1, in g, /elsewhere/b.hpp(4)\n";
  const parsed_history p = parse(text);
  ASSERT_EQ(p.steps.size(), 2u);
  EXPECT_EQ(p.steps[0].file, "impl/ordercheck/a.hpp");
  EXPECT_EQ(p.steps[1].file, "/elsewhere/b.hpp");
}

TEST(HistoryParser, AHundredKilobyteLineIsParsedInLinearTime) {
  const std::string long_text(100 * 1024, 'x');
  const std::string text = "X\nDATA RACE (d)\niteration: 1\n\nexecution history (2):\n[0] 0: " + long_text +
                           ", in " + long_text + ", /src/a.hpp(3)\n[1] 0: (" + long_text + "\n";
  parsed_history p;
  EXPECT_NO_THROW(p = parse(text));
  ASSERT_EQ(p.steps.size(), 1u);
  EXPECT_EQ(p.steps[0].line, 3);
}

TEST(HistoryParser, ProgressLineIsNotTheFailureLine) {
  std::string text = capture("racing_store");
  text.insert(text.find('\n') + 1, "0% (65536/42145415168)\n50% (21072707584/42145415168)\n");
  const parsed_history p = parse(text);
  EXPECT_EQ(p.failure, "DATA RACE (data race detected)");
  EXPECT_EQ(p.kind, verdict::data_race);
  EXPECT_EQ(p.sites.size(), 2u);
}

// Found by fuzz_history_parser: an allocation whose address does not parse was
// registered by the first pass but counted by the second, which then read past
// the registered objects (UBSan: reference binding to null pointer).
TEST(HistoryParser, AnUnreadableAllocationAddressDoesNotShiftTheNames) {
  const std::string text = "X\nDATA RACE (d)\niteration: 1\n\nexecution history (3):\n"
                           "[0] 0: memory allocation: addr=0x56:3, size=4, in f, /src/a.hpp(1)\n"
                           "[1] 0: memory allocation: addr=0x100, size=4, in f, /src/a.hpp(2)\n"
                           "[2] 0: <0x100> load, value=0, in f, /src/a.hpp(3)\n";
  const parsed_history p = parse(text);
  ASSERT_EQ(p.steps.size(), 3u);
  EXPECT_EQ(step_at(p, 3).object, "object#1");
}

TEST(HistoryNames, MoreAllocationsThanRegisteredNameNothingNew) {
  history_names names;
  names.rewind();
  names.next_allocation();  // no allocated() before it
  EXPECT_EQ(names.name_of(0x100), "var#1");
  // Control: a registered allocation is named once the second pass reaches it.
  history_names registered;
  registered.allocated(0x100, 4);
  registered.rewind();
  registered.next_allocation();
  EXPECT_EQ(registered.name_of(0x100), "object#1");
}

}  // namespace
}  // namespace ordercheck::model
