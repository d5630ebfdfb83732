// handle_cache's declaration (impl/ordercheck/subject/declaration.hpp says
// what a declaration is): docs/design.md's verdict table, second row.
//
// Scenarios: impl/ordercheck/scenarios/handle_cache_scenarios.hpp (every
// layer); stress only: stress/declare.hpp (compiled by the stress driver only).
#pragma once

#include "ordercheck/scenarios/handle_cache_scenarios.hpp"
#include "ordercheck/subject/declaration.hpp"

namespace ordercheck::subjects::handle_cache {

inline constexpr const char* name = "handle_cache";
inline constexpr int table_row = 2;

template <class Declarer>
void declare(Declarer& d) {
  using namespace ordercheck::declaration;
  using scenarios::handle_cache_two_claimants_one_other;

  // --- model layer
  constexpr const char* description =
      "threads 0 and 1 (interpreter A) and 2 (interpreter B) each call ptr_or twice; slow() "
      "writes the thread's handle's field once and returns it; every result's field is read";
  constexpr const char* reference_why = "the reference is correct with or without a GIL";
  // Full search completes in 7 s free-threaded; with the GILs' lock steps it
  // does not finish in 120 s, so those cells are proved with context bound 2.
  constexpr proof_search bounded = context_bound(2);
  d.template model_cell<instance<handle_cache_two_claimants_one_other, variant::reference, contract::gil>>({description, {"pass"}, reference_why, bounded});
  d.template model_cell<
      instance<handle_cache_two_claimants_one_other, variant::reference, contract::gil_released_in_slow>>(
      {description, {"pass"}, reference_why, bounded});
  d.template model_cell<instance<handle_cache_two_claimants_one_other, variant::reference, contract::free_threaded>>(
      {description, {"pass"}, reference_why, full_search});
  d.template model_cell<instance<handle_cache_two_claimants_one_other, variant::upstream, contract::gil>>(
      {description, {"pass"},
       "A's GIL keeps A's second thread out until the claimant has stored the handle; B "
       "never reads A's handle",
       bounded});
  d.template model_cell<
      instance<handle_cache_two_claimants_one_other, variant::upstream, contract::gil_released_in_slow>>(
      {description, {"assertion"},
       "both A threads miss while slow() has let the GIL go; the loser's claim fails with the "
       "tag already A and the \"shouldn't be possible\" assertion fires; the GIL still orders "
       "the handle's store before any hit, so no race",
       bounded});
  d.template model_cell<instance<handle_cache_two_claimants_one_other, variant::upstream, contract::free_threaded>>(
      {description, {"data_race", "assertion"},
       "either the publication race (a hit reads the plain handle the claimant stores after "
       "the tag) or the same-interpreter double miss (the claim assertion, or a null handle "
       "from a hit that the scenario's check rejects): both are the defect",
       full_search});

  // --- stress layer
  d.stress_expectation({"reference", "gil", {"pass"}});
  d.stress_expectation({"reference", "gil_released_in_slow", {"pass"}});
  d.stress_expectation({"reference", "free_threaded", {"pass"}});
  d.stress_expectation({"upstream", "gil", {"pass"}});
  d.stress_expectation({"upstream", "gil_released_in_slow", {"pass", "assertion"},
                        "slow() drops the GIL: the claim assertion fires"});
  d.stress_expectation({"upstream", "free_threaded", {"pass", "data_race", "assertion"},
                        "cached handle written after the tag: publication race; claim assertion"});
  d.template stress_scenario<every_variant_and_contract<handle_cache_two_claimants_one_other>>(
      {"two threads of interpreter A and one of B call ptr_or twice each",
       "impl/ordercheck/scenarios/handle_cache_scenarios.hpp"});
}

}  // namespace ordercheck::subjects::handle_cache
