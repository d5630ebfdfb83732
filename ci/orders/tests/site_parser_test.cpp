// The static site parser: multi-line calls, two-order compare-exchanges,
// fences, plain accesses and comments (not sites), and its errors.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "site_inventory.hpp"
#include "site_parser.hpp"

namespace ordercheck::orders {
namespace {

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::string fixtures = ORDERS_FIXTURES;
const std::string good_file = "impl/ordercheck/demo/reference.hpp";

// "line operation order" for every "@site operation order" marker.
std::multiset<std::string> markers(const std::string& text) {
  std::multiset<std::string> expected;
  std::istringstream lines(text);
  static const std::regex marker(R"(@site (\w+) (\w+))");
  int number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    for (auto m = std::sregex_iterator(line.begin(), line.end(), marker); m != std::sregex_iterator(); ++m) {
      expected.insert(std::to_string(number) + " " + (*m)[1].str() + " " + (*m)[2].str());
    }
  }
  return expected;
}

TEST(SiteParser, FindsExactlyTheMarkedSitesOnTheLinesGccReports) {
  const std::string text = read(fixtures + "/good/" + good_file);
  const auto sites = parse_sites(good_file, text);
  std::multiset<std::string> found;
  for (const auto& s : sites) found.insert(std::to_string(s.line) + " " + s.operation + " " + s.order);
  EXPECT_EQ(found, markers(text));
  EXPECT_EQ(found.size(), 10u);
}

TEST(SiteParser, RecordsTheAtomicTheFunctionAndTheOwner) {
  const auto sites = parse_sites(good_file, read(fixtures + "/good/" + good_file));
  ASSERT_FALSE(sites.empty());
  for (const auto& s : sites) {
    EXPECT_EQ(s.subject, "demo");
    EXPECT_EQ(s.variants, std::vector<std::string>{"reference"});
    EXPECT_EQ(s.function, "run") << s.id();
  }
  std::set<std::string> objects;
  for (const auto& s : sites) objects.insert(s.object);
  EXPECT_EQ(objects, (std::set<std::string>{"word_", "counts_", "count", ""}));
  const auto failure = std::find_if(sites.begin(), sites.end(), [](const atomic_site& s) {
    return s.operation == "compare_exchange_failure" && s.order == "acquire";
  });
  ASSERT_NE(failure, sites.end());
  EXPECT_EQ(failure->success_order, "acq_rel");
  EXPECT_EQ(failure->id(), good_file + ":" + std::to_string(failure->line) + ":compare_exchange_failure");
}

TEST(SiteParser, NegativeControlUnknownOrderIsAnError) {
  const std::string file = "impl/ordercheck/demo/reference.hpp";
  try {
    parse_sites(file, read(fixtures + "/bad_order/" + file));
    FAIL() << "a misspelt order was accepted";
  } catch (const parse_error& e) {
    EXPECT_NE(std::string(e.what()).find("reference.hpp:6: unknown memory order 'Sync::aquire'"), std::string::npos)
        << e.what();
  }
}

TEST(SiteParser, RejectsMalformedCalls) {
  const std::string file = "impl/ordercheck/x/reference.hpp";
  EXPECT_THROW(parse_sites(file, "a.compare_exchange_strong(e, d, Sync::acq_rel);"), parse_error);  // one order
  EXPECT_THROW(parse_sites(file, "a.load(Sync::acquire, Sync::relaxed);"), parse_error);            // two orders
  EXPECT_THROW(parse_sites(file, "a.load(Sync::release);"), parse_error);                          // illegal for load
  EXPECT_THROW(parse_sites(file, "a.store(1, Sync::acquire);"), parse_error);                      // illegal for store
  EXPECT_THROW(parse_sites(file, "a.compare_exchange_strong(e, d, Sync::release, Sync::acquire);"), parse_error);
  EXPECT_THROW(parse_sites(file, "a.load(std::memory_order_acquire);"), parse_error);  // bypasses the policy
  EXPECT_THROW(parse_sites(file, "a.load(Sync::acquire;"), parse_error);               // unterminated
  EXPECT_THROW(parse_sites(file, "Sync::fence();"), parse_error);
  // Two sites with one id: an override could not tell them apart.
  EXPECT_THROW(parse_sites(file, "a.load(Sync::acquire) + b.load(Sync::relaxed);"), parse_error);
}

TEST(SiteParser, PlainAccessesAndNonOrdersAreNotSites) {
  const std::string file = "impl/ordercheck/x/reference.hpp";
  EXPECT_TRUE(parse_sites(file, "p.load(); p.store(v); q->exchange(a, b);").empty());
  EXPECT_EQ(parse_sites(file, "x.store(Sync::template make<int>(), Sync::relaxed);").size(), 1u);
}

TEST(SiteOwner, PathsGiveSubjectAndVariants) {
  EXPECT_EQ(owner_of("impl/ordercheck/handle_cache/reference.hpp").variants, std::vector<std::string>{"reference"});
  EXPECT_EQ(owner_of("impl/ordercheck/refcounted_deleter/storage.hpp").variants,
            (std::vector<std::string>{"reference", "upstream"}));
  EXPECT_EQ(owner_of("impl/ordercheck/code_context/context_table.hpp").subject, "code_context");
  EXPECT_EQ(owner_of("impl/ordercheck/scenarios/owner_tag_scenarios.hpp").subject, "owner_tag");
  EXPECT_EQ(owner_of("impl/ordercheck/scenarios/owner_tag_scenarios.hpp").variants, std::vector<std::string>{"scenario"});
  EXPECT_TRUE(owner_of("impl/ordercheck/interpreter.hpp").subject.empty());
  EXPECT_TRUE(owner_of("impl/ordercheck/sync/std_sync.hpp").subject.empty());
}

TEST(SiteInventory, ReadsTheWholeFixtureTree) {
  const auto sites = inventory(read_working_tree(fixtures + "/good"));
  EXPECT_EQ(sites.size(), 10u);
  EXPECT_TRUE(std::is_sorted(sites.begin(), sites.end(),
                             [](const atomic_site& a, const atomic_site& b) { return a.line < b.line; }));
}

}  // namespace
}  // namespace ordercheck::orders
