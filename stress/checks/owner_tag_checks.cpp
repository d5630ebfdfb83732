#include "check_registry.hpp"
#include "mix_checks.hpp"
#include "mixes/owner_tag_mix.hpp"
#include "ordercheck/scenarios/owner_tag_scenarios.hpp"
#include "scenario_checks.hpp"

namespace ordercheck::stress {

void add_owner_tag_checks(std::vector<check>& out) {
  add_scenario_checks<scenarios::owner_tag_two_wrappers_one_other>(
      out, "owner_tag", "two threads of interpreter A and one of B wrap one object at once");
  add_scenario_checks<scenarios::owner_tag_ownership_bit>(
      out, "owner_tag", "two threads of A flip the ownership bit while B meets ownership errors");
  add_mix_checks<owner_tag_mix>(out, "owner_tag", "random_mix",
                                "threads of two interpreters wrap, check and check hermetically at random");
}

}  // namespace ordercheck::stress
