// Turns a scenario template (impl/ordercheck/scenarios/) into one stress check
// per variant and contract, driven by harness/scenario_rounds.hpp.
#pragma once

#include <string>
#include <vector>

#include "check.hpp"
#include "expected_verdicts.hpp"
#include "harness/scenario_rounds.hpp"
#include "ordercheck/scenarios/scenario.hpp"
#include "ordercheck/sync/std_sync.hpp"

namespace ordercheck::stress {

template <template <class, variant, contract> class Scenario, variant V, contract C>
check make_scenario_check(const std::string& subject, const std::string& description, const std::string& source = "") {
  using scenario_type = Scenario<std_sync, V, C>;
  check c;
  c.subject = subject;
  c.variant = variant_name(V);
  c.contract = contract_name(C);
  c.scenario = scenario_type::name;
  c.expected = expected_verdicts(subject, V, C);
  c.description = description + " (" +
                  (source.empty() ? "impl/ordercheck/scenarios/" + subject + "_scenarios.hpp" : source) + ", " +
                  std::to_string(scenario_type::thread_count) + " threads per round)";
  c.run = [](const stress_settings& settings, const hang_handler& on_hang) {
    return run_scenario<scenario_type>(settings, on_hang);
  };
  return c;
}

// Every variant under every contract.
// `source`: where the scenario is written, when not in the subject's
// impl/ordercheck/scenarios/ header.
template <template <class, variant, contract> class Scenario>
void add_scenario_checks(std::vector<check>& out, const std::string& subject, const std::string& description,
                         const std::string& source = "") {
  out.push_back(make_scenario_check<Scenario, variant::reference, contract::gil>(subject, description, source));
  out.push_back(
      make_scenario_check<Scenario, variant::reference, contract::gil_released_in_slow>(subject, description, source));
  out.push_back(make_scenario_check<Scenario, variant::reference, contract::free_threaded>(subject, description, source));
  out.push_back(make_scenario_check<Scenario, variant::upstream, contract::gil>(subject, description, source));
  out.push_back(
      make_scenario_check<Scenario, variant::upstream, contract::gil_released_in_slow>(subject, description, source));
  out.push_back(make_scenario_check<Scenario, variant::upstream, contract::free_threaded>(subject, description, source));
}

}  // namespace ordercheck::stress
