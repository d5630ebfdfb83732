#include "check_registry.hpp"
#include "mix_checks.hpp"
#include "mixes/refcounted_deleter_mix.hpp"
#include "ordercheck/scenarios/refcounted_deleter_scenarios.hpp"
#include "scenario_checks.hpp"

namespace ordercheck::stress {

void add_refcounted_deleter_checks(std::vector<check>& out) {
  add_scenario_checks<scenarios::refcounted_deleter_two_releases>(
      out, "refcounted_deleter", "two storages of two interpreters release one buffer at once");
  add_scenario_checks<scenarios::refcounted_deleter_share_while_releasing>(
      out, "refcounted_deleter", "one thread shares and releases while two others release");
  add_scenario_checks<scenarios::refcounted_deleter_concurrent_share>(
      out, "refcounted_deleter", "two interpreters make one unique buffer shared at once");
  add_mix_checks<refcounted_deleter_mix>(out, "refcounted_deleter", "random_mix",
                                         "threads share, read and release storages of one buffer at random");
}

}  // namespace ordercheck::stress
