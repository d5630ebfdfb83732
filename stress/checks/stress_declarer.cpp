#include "checks/stress_declarer.hpp"

namespace ordercheck::stress {

void stress_declarer::stress_expectation(const declaration::stress_expectation& declared) {
  const std::string cell = subject_ + "/" + declared.variant + "/" + declared.contract;
  const auto key = std::make_pair(std::string(declared.variant), std::string(declared.contract));
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
  for (check& c : checks_) {
    const auto found = expectations_.find({c.variant, c.contract});
    if (found == expectations_.end()) {
      throw declaration::declaration_error(
          "stress cell " + c.id() + " has no declared expectation: add d.stress_expectation({\"" + c.variant +
          "\", \"" + c.contract + "\", {...}}) to impl/ordercheck/" + subject_ + "/subject.hpp");
    }
    c.expected = found->second.expected;
  }
  subject.checks = std::move(checks_);
  subject.expectations = std::move(expectations_);
}

}  // namespace ordercheck::stress
