// Every stress check this binary can run, and how to pick some by pattern.
//
// The subjects' checks come from their declarations
// (impl/ordercheck/<subject>/subject.hpp), one generated translation unit per
// subject (stress/CMakeLists.txt, checks/subject_checks.cpp.in); the broken
// fixtures of stress/fixtures/ are added after them.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "check.hpp"

namespace ordercheck::stress {

// All checks, in a stable order: subjects (by their declared table_row), then
// fixtures. Throws declaration::declaration_error (an std::invalid_argument)
// when a declaration is wrong, e.g. a check with no declared expectation.
const std::vector<check>& all_checks();

// Whether `check_id` matches the glob `pattern` (fnmatch: *, ?, [...]).
// Fixture checks (the deliberately broken code under stress/fixtures/ and the
// hang fixture) match only patterns that start with "fixture/": "*" means the
// subjects.
bool check_matches(std::string_view pattern, const check& c);

std::vector<const check*> select_checks(std::string_view pattern);

// What a declaration says real threads may give for one (variant, contract).
struct declared_expectation {
  std::vector<results::verdict> expected;
  std::string defect;  // the defect a measurement looks for; empty for a strict cell
};

// Where an expectation applies: (variant, contract, scenario), the scenario
// empty for the subject's expectation at (variant, contract).
using expectation_key = std::tuple<std::string, std::string, std::string>;

// One subject's checks, and its expectations by (variant, contract, scenario).
struct declared_checks {
  std::vector<check> checks;
  std::map<expectation_key, declared_expectation> expectations;
};

// One subject found under impl/ordercheck/*/subject.hpp (the list is generated:
// cmake/subjects.cmake).
struct declared_subject {
  const char* name;
  int table_row;
  void (*add_checks)(declared_checks& out);
};
const std::vector<const declared_subject*>& declared_subjects();

// The defect that `subject`'s declaration names for (variant, contract), or
// for `scenario` there when it has its own expectation: the detection table's
// row; empty for a strict cell or an unknown one.
std::string declared_defect(const std::string& subject, const std::string& variant, const std::string& contract,
                            const std::string& scenario = "");

// The deliberately broken fixtures (stress/fixtures/), not a subject.
void add_fixture_checks(std::vector<check>& out);

}  // namespace ordercheck::stress
