// The TSan report parser on reports captured from real runs (tests/golden/):
//  - plain_refcount_data_race.txt: the broken fixture, clang 14 TSan;
//  - upstream_refcount_free_races_count_load.txt: upstream refcounted_deleter,
//    two releases: one thread frees the context while the other still loads
//    the count;
//  - heap_use_after_free.txt: a small program reading freed memory.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tsan/tsan_report.hpp"

namespace ordercheck::stress {
namespace {

std::string golden(const std::string& name) {
  std::ifstream in(std::string(ORDERCHECK_STRESS_GOLDEN_DIR) + "/" + name);
  EXPECT_TRUE(in.good()) << name;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(tsan_report_parser, fixture_data_race) {
  const auto reports = parse_tsan_reports(golden("plain_refcount_data_race.txt"));
  ASSERT_EQ(reports.size(), 1u);
  const tsan_report& report = reports[0];
  EXPECT_EQ(report.kind_text, "data race");
  EXPECT_EQ(report.kind, results::verdict::data_race);
  const auto accesses = report.accesses();
  ASSERT_EQ(accesses.size(), 2u);
  EXPECT_FALSE(accesses[0]->previous);
  EXPECT_TRUE(accesses[1]->previous);
  EXPECT_EQ(accesses[1]->operation, "write");
  EXPECT_NE(accesses[0]->thread, accesses[1]->thread);
  EXPECT_GT(accesses[0]->thread, 0);
  ASSERT_FALSE(accesses[0]->stack.empty());
  // Frame 0 is the sync policy's plain store; the site is the fixture's line.
  EXPECT_NE(accesses[1]->stack[0].file.find("impl/ordercheck/sync/std_sync.hpp"), std::string::npos);
  const auto site = site_frame(accesses[1]->stack);
  ASSERT_TRUE(site.has_value());
  EXPECT_EQ(repository_relative(site->file), "stress/fixtures/plain_refcount.hpp");
  EXPECT_EQ(site->line, 24);
  EXPECT_EQ(short_function_name(site->function), "release");
  EXPECT_NE(report.summary.find("data race"), std::string::npos);

  results::record record;
  const std::string message = describe_tsan_report(report, record);
  ASSERT_EQ(record.interleaving.size(), 2u);
  EXPECT_EQ(record.interleaving[0].step, 1);
  EXPECT_EQ(record.interleaving[0].thread, accesses[1]->thread);  // the earlier access first
  EXPECT_EQ(record.interleaving[1].thread, accesses[0]->thread);
  EXPECT_EQ(record.interleaving[1].file, "stress/fixtures/plain_refcount.hpp");
  EXPECT_EQ(record.sites[0].role, "other access");
  EXPECT_EQ(record.sites[1].role, "racing access");
  EXPECT_NE(message.find("stress/fixtures/plain_refcount.hpp:24 (release)"), std::string::npos) << message;
}

TEST(tsan_report_parser, upstream_refcount_free_against_count_load) {
  const auto reports = parse_tsan_reports(golden("upstream_refcount_free_races_count_load.txt"));
  ASSERT_EQ(reports.size(), 1u);
  const tsan_report& report = reports[0];
  EXPECT_EQ(report.kind, results::verdict::data_race);
  const auto accesses = report.accesses();
  ASSERT_EQ(accesses.size(), 2u);
  EXPECT_EQ(accesses[0]->operation, "write");
  EXPECT_EQ(accesses[1]->operation, "atomic read");
  results::record record;
  describe_tsan_report(report, record);
  ASSERT_GE(record.sites.size(), 2u);
  // Step 1: the count's second load; step 2: the free of the context.
  EXPECT_EQ(record.sites[0].file, "impl/ordercheck/refcounted_deleter/upstream.hpp");
  EXPECT_EQ(record.sites[0].line, 33);
  EXPECT_EQ(record.sites[0].operation, "atomic read");
  EXPECT_EQ(record.sites[1].file, "impl/ordercheck/refcounted_deleter/upstream.hpp");
  EXPECT_EQ(record.sites[1].line, 35);
  EXPECT_EQ(record.sites[1].operation, "free");
  EXPECT_EQ(record.sites[1].role, "freed here");
  EXPECT_EQ(record.interleaving[1].function, "refcounted_release");
}

TEST(tsan_report_parser, heap_use_after_free) {
  const auto reports = parse_tsan_reports(golden("heap_use_after_free.txt"));
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].kind_text, "heap-use-after-free");
  EXPECT_EQ(reports[0].kind, results::verdict::use_after_free);
  results::record record;
  const std::string message = describe_tsan_report(reports[0], record);
  ASSERT_EQ(record.sites.size(), 2u);
  EXPECT_EQ(record.sites[0].operation, "free");
  EXPECT_EQ(record.sites[0].file, "/tmp/stress-try/uaf.cpp");  // no impl/ frame: the first frame with a file
  EXPECT_EQ(record.sites[0].line, 7);
  EXPECT_EQ(record.sites[1].operation, "read");
  EXPECT_EQ(record.sites[1].line, 8);
  EXPECT_EQ(record.interleaving[0].thread, 1);
  EXPECT_EQ(record.interleaving[1].thread, 2);
  EXPECT_NE(message.find("heap-use-after-free"), std::string::npos);
}

TEST(tsan_report_parser, ignores_text_outside_reports_and_reads_several) {
  const std::string two = "noise before\n" + golden("plain_refcount_data_race.txt") + "other output\n" +
                          golden("heap_use_after_free.txt") + "ThreadSanitizer: reported 2 warnings\n";
  const auto reports = parse_tsan_reports(two);
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[0].kind, results::verdict::data_race);
  EXPECT_EQ(reports[1].kind, results::verdict::use_after_free);
  EXPECT_TRUE(parse_tsan_reports("no report here\n").empty());
}

TEST(tsan_report_parser, kinds) {
  using results::verdict;
  EXPECT_EQ(verdict_of_tsan_kind("data race on vptr (ctor/dtor vs virtual call)"), verdict::data_race);
  EXPECT_EQ(verdict_of_tsan_kind("heap-use-after-free (virtual call vs free)"), verdict::use_after_free);
  EXPECT_EQ(verdict_of_tsan_kind("lock-order-inversion (potential deadlock)"), verdict::deadlock);
  EXPECT_EQ(verdict_of_tsan_kind("thread leak"), verdict::leak);
  EXPECT_EQ(verdict_of_tsan_kind("unlock of an unlocked mutex (or by a wrong thread)"), verdict::crash);
}

TEST(tsan_report_parser, names_and_paths) {
  EXPECT_EQ(short_function_name("ordercheck::upstream::handle_cache<ordercheck::std_sync>::ptr_or<F>(a, b) const"),
            "ptr_or");
  EXPECT_EQ(short_function_name("void ordercheck::upstream::refcounted_release<ordercheck::std_sync>(void*)"),
            "refcounted_release");
  EXPECT_EQ(short_function_name("main::$_1::operator()() const"), "operator()");
  EXPECT_EQ(repository_relative("/home/ci/src/impl/ordercheck/x.hpp"), "impl/ordercheck/x.hpp");
  EXPECT_EQ(repository_relative("/usr/include/c++/12/atomic"), "/usr/include/c++/12/atomic");
}

}  // namespace
}  // namespace ordercheck::stress
