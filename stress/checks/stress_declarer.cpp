#include "checks/stress_declarer.hpp"

#include <set>

namespace ordercheck::stress {

void stress_declarer::stress_expectation(const declaration::stress_expectation& declared) {
  const std::string scenario = declared.scenario;
  const std::string cell =
      subject_ + "/" + declared.variant + "/" + declared.contract + (scenario.empty() ? "" : "/" + scenario);
  const expectation_key key{declared.variant, declared.contract, scenario};
  if (expectations_.count(key) != 0) {
    throw declaration::declaration_error(cell + ": two stress expectations declared; keep one");
  }
  expectations_[key] = {declaration::verdicts_of<results::verdict>(cell, declared.expected, &results::verdict_from_name),
                        declared.defect};
}

check stress_declarer::named(const char* variant, const char* contract, const char* scenario) const {
  check c;
  c.subject = subject_;
  c.variant = variant;
  c.contract = contract;
  c.scenario = scenario;
  return c;
}

void stress_declarer::finish(declared_checks& subject) {
  std::set<expectation_key> used;
  for (check& c : checks_) {
    auto found = expectations_.find({c.variant, c.contract, c.scenario});
    if (found == expectations_.end()) found = expectations_.find({c.variant, c.contract, ""});
    if (found == expectations_.end()) {
      throw declaration::declaration_error(
          "stress cell " + c.id() + " has no declared expectation: add d.stress_expectation({\"" + c.variant +
          "\", \"" + c.contract + "\", {...}}) to impl/ordercheck/" + subject_ + "/subject.hpp");
    }
    used.insert(found->first);
    c.expected = found->second.expected;
  }
  // A scenario's own expectation that no check uses is a misspelt or removed
  // scenario: refused, never silently ignored.
  for (const auto& [key, expectation] : expectations_) {
    const auto& [variant, contract, scenario] = key;
    if (!scenario.empty() && used.count(key) == 0) {
      throw declaration::declaration_error("stress expectation " + subject_ + "/" + variant + "/" + contract + "/" +
                                           scenario + " names no declared stress scenario: fix its name in "
                                           "impl/ordercheck/" + subject_ + "/subject.hpp");
    }
  }
  subject.checks = std::move(checks_);
  subject.expectations = std::move(expectations_);
}

}  // namespace ordercheck::stress
