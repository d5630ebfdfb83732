#include "check_registry.hpp"
#include "forced/handle_cache_forced.hpp"
#include "mix_checks.hpp"
#include "mixes/handle_cache_mix.hpp"
#include "ordercheck/scenarios/handle_cache_scenarios.hpp"
#include "scenario_checks.hpp"

namespace ordercheck::stress {

void add_handle_cache_checks(std::vector<check>& out) {
  add_scenario_checks<scenarios::handle_cache_two_claimants_one_other>(
      out, "handle_cache", "two threads of interpreter A and one of B call ptr_or twice each");
  add_scenario_checks<forced::handle_cache_both_miss_in_slow>(
      out, "handle_cache", "two threads of A both miss: slow() waits until both are inside it",
      "stress/forced/handle_cache_forced.hpp");
  add_scenario_checks<forced::handle_cache_hit_after_claim>(
      out, "handle_cache", "thread 1 of A hits after thread 0 of A claimed, ordered by a relaxed flag only",
      "stress/forced/handle_cache_forced.hpp");
  add_mix_checks<handle_cache_mix>(out, "handle_cache", "random_mix",
                                   "threads of two interpreters call ptr_or repeatedly on one cache");
}

}  // namespace ordercheck::stress
