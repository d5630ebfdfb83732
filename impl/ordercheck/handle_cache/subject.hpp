// handle_cache's declaration (impl/ordercheck/subject/declaration.hpp says
// what a declaration is): docs/design.md's verdict table, second row.
//
// Scenarios: impl/ordercheck/scenarios/handle_cache_scenarios.hpp (every
// layer); stress only: stress/declare.hpp (compiled by the stress driver only).
#pragma once

#include "ordercheck/scenarios/handle_cache_scenarios.hpp"
#include "ordercheck/scenarios/gil_instances.hpp"
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

  // Re-entrancy (issue 11's self-application shape): the claimant's own slow()
  // calls ptr_or on the same cache.
  using scenarios::handle_cache_reentrant_slow;
  constexpr const char* reentrant_description =
      "thread 0 (interpreter A) calls ptr_or and its slow() calls ptr_or again on the same cache "
      "before the outer call claims; thread 1 (A) calls ptr_or meanwhile; each thread then calls "
      "it again; every result must be the one published handle, and second calls must hit";
  constexpr const char* reentrant_reference_why =
      "the reference treats a re-entrant miss as two threads' misses: the inner call publishes, "
      "the outer one returns the published handle";
  constexpr const char* reentrant_upstream_why =
      "the inner call claims the tag; the outer call's claim then fails with the tag already A "
      "and the \"shouldn't be possible\" assertion fires: the GIL cannot help, the caller holds it";
  // Two threads: full search completes (reference: 2,792 executions under gil,
  // 171,920 in 1.1 s under gil_released_in_slow, 12,829 free-threaded).
  constexpr proof_search reentrant_proof = full_search;
  constexpr proof_search reentrant_gil_proof = full_search;
  d.template model_cell<instance<handle_cache_reentrant_slow, variant::reference, contract::gil>>(
      {reentrant_description, {"pass"}, reentrant_reference_why, reentrant_gil_proof});
  d.template model_cell<instance<handle_cache_reentrant_slow, variant::reference, contract::gil_released_in_slow>>(
      {reentrant_description, {"pass"}, reentrant_reference_why, reentrant_gil_proof});
  d.template model_cell<instance<handle_cache_reentrant_slow, variant::reference, contract::free_threaded>>(
      {reentrant_description, {"pass"}, reentrant_reference_why, reentrant_proof});
  d.template model_cell<instance<handle_cache_reentrant_slow, variant::upstream, contract::gil>>(
      {reentrant_description, {"assertion"}, reentrant_upstream_why, reentrant_gil_proof});
  d.template model_cell<instance<handle_cache_reentrant_slow, variant::upstream, contract::gil_released_in_slow>>(
      {reentrant_description, {"assertion"}, reentrant_upstream_why, reentrant_gil_proof});
  d.template model_cell<instance<handle_cache_reentrant_slow, variant::upstream, contract::free_threaded>>(
      {reentrant_description, {"data_race", "assertion"},
       "the re-entry's claim assertion, or the publication race (thread 1's hit reads the plain "
       "handle the inner call stores after the tag): both are upstream's defects",
       reentrant_proof});

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
  // The re-entrant miss fires upstream's claim assertion under every contract,
  // whenever thread 0 misses (thread 1 may publish first: then it hits).
  constexpr const char* reentrant_defect = "re-entrant slow(): the outer claim finds the tag already self";
  for (const char* contract : {"gil", "gil_released_in_slow"}) {
    d.stress_expectation({"upstream", contract, {"pass", "assertion"}, reentrant_defect, "reentrant_slow"});
  }
  d.stress_expectation({"upstream", "free_threaded", {"pass", "data_race", "assertion"},
                        "re-entrant slow(): claim assertion; cached handle written after the tag: race",
                        "reentrant_slow"});
  d.template stress_scenario<every_variant_and_contract<handle_cache_reentrant_slow>>(
      {"thread 0 of A re-enters ptr_or from its own slow() while thread 1 of A calls it",
       "impl/ordercheck/scenarios/handle_cache_scenarios.hpp"});
}

}  // namespace ordercheck::subjects::handle_cache
