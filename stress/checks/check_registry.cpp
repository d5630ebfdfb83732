#include "check_registry.hpp"

#include <fnmatch.h>

#include "ordercheck/subject/declaration.hpp"

namespace ordercheck::stress {
namespace {

struct registry {
  std::vector<check> checks;
  std::map<std::string, declared_checks> subjects;  // by name: expectations
};

const registry& the_registry() {
  static const registry r = [] {
    registry out;
    for (const declared_subject* subject : declaration::in_table_order(declared_subjects())) {
      declared_checks& declared = out.subjects[subject->name];
      subject->add_checks(declared);
      out.checks.insert(out.checks.end(), declared.checks.begin(), declared.checks.end());
    }
    add_fixture_checks(out.checks);
    return out;
  }();
  return r;
}

}  // namespace

const std::vector<check>& all_checks() { return the_registry().checks; }

std::string declared_defect(const std::string& subject, const std::string& variant, const std::string& contract,
                            const std::string& scenario) {
  const auto& subjects = the_registry().subjects;
  const auto found = subjects.find(subject);
  if (found == subjects.end()) return {};
  const auto& expectations = found->second.expectations;
  auto expectation = expectations.find({variant, contract, scenario});
  if (expectation == expectations.end()) expectation = expectations.find({variant, contract, ""});
  return expectation == expectations.end() ? std::string() : expectation->second.defect;
}

bool check_matches(std::string_view pattern, const check& c) {
  if (c.subject == "fixture" && pattern.substr(0, 8) != "fixture/") return false;
  const std::string id = c.id();
  return fnmatch(std::string(pattern).c_str(), id.c_str(), 0) == 0;
}

std::vector<const check*> select_checks(std::string_view pattern) {
  std::vector<const check*> selected;
  for (const check& c : all_checks()) {
    if (check_matches(pattern, c)) selected.push_back(&c);
  }
  return selected;
}

}  // namespace ordercheck::stress
