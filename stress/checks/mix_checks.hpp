// Turns a mix (stress/mixes/) into one stress check per variant and contract.
// A mix is a Round type for the round runner (harness/round_runner.hpp) whose
// constructor takes the thread count: settings.threads threads each call the
// subject's operations at random, and after_round checks the invariants.
#pragma once

#include <string>
#include <vector>

#include "check.hpp"
#include "expected_verdicts.hpp"
#include "harness/round_runner.hpp"
#include "ordercheck/scenarios/scenario.hpp"

namespace ordercheck::stress {

template <template <variant, contract> class Mix, variant V, contract C>
check make_mix_check(const std::string& subject, const std::string& name, const std::string& description) {
  check c;
  c.subject = subject;
  c.variant = variant_name(V);
  c.contract = contract_name(C);
  c.scenario = name;
  c.expected = expected_verdicts(subject, V, C);
  c.description = description + " (stress/mixes/" + subject + "_mix.hpp, --threads threads per round)";
  c.run = [](const stress_settings& settings, const hang_handler& on_hang) {
    Mix<V, C> mix(settings.threads);
    return run_rounds(settings, settings.threads, mix, on_hang);
  };
  return c;
}

template <template <variant, contract> class Mix>
void add_mix_checks(std::vector<check>& out, const std::string& subject, const std::string& name,
                    const std::string& description) {
  out.push_back(make_mix_check<Mix, variant::reference, contract::gil>(subject, name, description));
  out.push_back(make_mix_check<Mix, variant::reference, contract::gil_released_in_slow>(subject, name, description));
  out.push_back(make_mix_check<Mix, variant::reference, contract::free_threaded>(subject, name, description));
  out.push_back(make_mix_check<Mix, variant::upstream, contract::gil>(subject, name, description));
  out.push_back(make_mix_check<Mix, variant::upstream, contract::gil_released_in_slow>(subject, name, description));
  out.push_back(make_mix_check<Mix, variant::upstream, contract::free_threaded>(subject, name, description));
}

}  // namespace ordercheck::stress
