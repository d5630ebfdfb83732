// Every stress check, field by field, against tests/golden/stress_checks.txt:
// the subjects' declarations (impl/ordercheck/<subject>/subject.hpp) must keep
// each check's id, expected verdicts and description. The golden file was
// written from the checks as they were before the declarations existed.
// Fixtures are left out: their expectations depend on the sanitizer.
//
// Only the subjects the file names are compared: a subject you add (README,
// "Adding your own primitive") needs no edit here.
//
// ORDERCHECK_UPDATE_GOLDEN=1 rewrites the file instead of comparing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <string>

#include "checks/check_registry.hpp"
#include "checks/stress_declarer.hpp"
#include "tests/golden_table.hpp"

namespace ordercheck::stress {
namespace {

using golden::golden_subjects;
using golden::read_golden;

std::string describe_checks(const std::set<std::string>* only) {
  std::ostringstream all;
  for (const check& c : all_checks()) {
    if (c.subject == "fixture" || (only != nullptr && only->count(c.subject) == 0)) continue;
    all << c.id() << "\n  expected:";
    for (auto v : c.expected) all << " " << results::verdict_name(v);
    all << "\n  description: " << c.description << "\n";
  }
  return all.str();
}

TEST(StressDeclarations, EveryCheckMatchesTheGoldenTable) {
  const std::string path = std::string(ORDERCHECK_SOURCE_DIR) + "/stress/tests/golden/stress_checks.txt";
  if (std::getenv("ORDERCHECK_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path) << describe_checks(nullptr);
    GTEST_SKIP() << "rewrote " << path;
  }
  const std::string golden = read_golden(path);
  ASSERT_FALSE(golden.empty()) << "cannot read " << path;
  // The shipped subjects' checks; a subject you add is not in the table.
  const std::set<std::string> shipped = golden_subjects(golden);
  EXPECT_EQ(describe_checks(&shipped), golden);
}

// Negative controls: no silent defaults.
template <class Sync>
struct does_nothing {
  static constexpr unsigned thread_count = 1;
  static constexpr const char* name = "does_nothing";
  void before() {}
  void thread(unsigned) {}
  void after() {}
};
struct broken_instance {
  static constexpr const char* variant_name = "broken";
  static constexpr const char* contract_name = declaration::no_contract;
  template <class Sync>
  using with = does_nothing<Sync>;
};

std::string declaration_error_of(const std::function<void()>& declare) {
  try {
    declare();
  } catch (const declaration::declaration_error& error) {
    return error.what();
  }
  return "(accepted)";
}

TEST(StressDeclarations, ACheckWithNoDeclaredExpectationIsRefused) {
  const std::string error = declaration_error_of([] {
    stress_declarer d("my_lock");
    d.stress_expectation({"reference", declaration::no_contract, {"pass"}});
    d.stress_scenario<declaration::instances<broken_instance>>({"does nothing", "here"});
    declared_checks out;
    d.finish(out);
  });
  EXPECT_NE(error.find("stress cell my_lock/broken/none/does_nothing has no declared expectation"), std::string::npos)
      << error;
}

TEST(StressDeclarations, AMisspeltVerdictIsRefused) {
  const std::string error = declaration_error_of([] {
    stress_declarer d("my_lock");
    d.stress_expectation({"broken", declaration::no_contract, {"pass", "data-race"}});
  });
  EXPECT_EQ(error.rfind("my_lock/broken/none: ", 0), 0u) << error;
}

// A scenario's own expectation replaces the subject's at its (variant,
// contract) for that scenario only; one that names no scenario is refused.
template <class Sync>
struct does_nothing_too : does_nothing<Sync> {
  static constexpr const char* name = "does_nothing_too";
};
struct broken_instance_too {
  static constexpr const char* variant_name = "broken";
  static constexpr const char* contract_name = declaration::no_contract;
  template <class Sync>
  using with = does_nothing_too<Sync>;
};

TEST(StressDeclarations, AScenarioExpectationReplacesTheSubjectsForThatScenarioOnly) {
  stress_declarer d("my_lock");
  d.stress_expectation({"broken", declaration::no_contract, {"pass"}});
  d.stress_expectation({"broken", declaration::no_contract, {"pass", "assertion"}, "its own defect", "does_nothing_too"});
  d.stress_scenario<declaration::instances<broken_instance, broken_instance_too>>({"does nothing", "here"});
  declared_checks out;
  d.finish(out);
  ASSERT_EQ(out.checks.size(), 2u);
  EXPECT_EQ(out.checks[0].expected, std::vector<results::verdict>{results::verdict::pass});
  EXPECT_EQ(out.checks[1].expected,
            (std::vector<results::verdict>{results::verdict::pass, results::verdict::assertion}));
}

TEST(StressDeclarations, AScenarioExpectationNamingNoScenarioIsRefused) {
  const std::string error = declaration_error_of([] {
    stress_declarer d("my_lock");
    d.stress_expectation({"broken", declaration::no_contract, {"pass"}});
    d.stress_expectation({"broken", declaration::no_contract, {"pass", "assertion"}, "a defect", "does_nothign"});
    d.stress_scenario<declaration::instances<broken_instance>>({"does nothing", "here"});
    declared_checks out;
    d.finish(out);
  });
  EXPECT_NE(error.find("stress expectation my_lock/broken/none/does_nothign names no declared stress scenario"),
            std::string::npos)
      << error;
}

TEST(StressDeclarations, EveryDeclaredCellHasItsDeclaredExpectation) {
  for (const check& c : all_checks()) {
    EXPECT_FALSE(c.expected.empty()) << c.id();
  }
  EXPECT_EQ(declared_defect("handle_cache", "upstream", "gil_released_in_slow"),
            "slow() drops the GIL: the claim assertion fires");
  EXPECT_EQ(declared_defect("handle_cache", "reference", "free_threaded"), "");
}

}  // namespace
}  // namespace ordercheck::stress
