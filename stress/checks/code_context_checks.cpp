#include "check_registry.hpp"
#include "mix_checks.hpp"
#include "mixes/code_context_mix.hpp"
#include "ordercheck/scenarios/code_context_scenarios.hpp"
#include "scenario_checks.hpp"

namespace ordercheck::stress {

void add_code_context_checks(std::vector<check>& out) {
  add_scenario_checks<scenarios::code_context_two_getters>(out, "code_context",
                                                           "two threads get one new key at once");
  add_scenario_checks<scenarios::code_context_two_pops>(out, "code_context", "two threads pop one present key at once");
  add_scenario_checks<scenarios::code_context_get_while_key_dies>(
      out, "code_context", "one thread gets a key twice while another key dies");
  add_mix_checks<code_context_mix>(out, "code_context", "random_mix",
                                   "threads get, ask about and pop keys at random while keys die");
}

}  // namespace ordercheck::stress
