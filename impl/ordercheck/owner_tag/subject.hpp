// owner_tag's declaration (impl/ordercheck/subject/declaration.hpp says what a
// declaration is): docs/design.md's verdict table, first row.
//
// Scenarios: impl/ordercheck/scenarios/owner_tag_scenarios.hpp (every layer);
// stress only: stress/declare.hpp (compiled by the stress driver only).
#pragma once

#include "ordercheck/scenarios/owner_tag_scenarios.hpp"
#include "ordercheck/scenarios/gil_instances.hpp"
#include "ordercheck/subject/declaration.hpp"

namespace ordercheck::subjects::owner_tag {

inline constexpr const char* name = "owner_tag";
inline constexpr int table_row = 1;

template <class Declarer>
void declare(Declarer& d) {
  using namespace ordercheck::declaration;
  using scenarios::owner_tag_ownership_bit;
  using scenarios::owner_tag_two_wrappers_one_other;
  constexpr const char* reference_why = "the reference is correct with or without a GIL";

  // --- model layer
  constexpr const char* description =
      "threads 0 and 1 (interpreter A) and 2 (interpreter B) each look for the object's "
      "wrapper and, finding none, create and install one, then read its field; thread 1 "
      "also checks in hermetic mode";
  // Full search does not finish in 100 s (three threads, relaxed tag loads);
  // context bound 2 does: 15 s free-threaded, 66 s with the GILs' lock steps.
  constexpr proof_search proof = context_bound(2);
  // Context bound 2 is too slow for the quick profile here; bound 1 takes 6 s.
  constexpr unsigned quick_bound = 1;
  d.template model_cell<instance<owner_tag_two_wrappers_one_other, variant::reference, contract::gil>>(
      {description, {"pass"}, reference_why, proof, quick_bound});
  d.template model_cell<instance<owner_tag_two_wrappers_one_other, variant::reference, contract::free_threaded>>(
      {description, {"pass"}, reference_why, proof, quick_bound});
  d.template model_cell<instance<owner_tag_two_wrappers_one_other, variant::upstream, contract::gil>>(
      {description, {"pass"},
       "A's GIL serializes A's two wraps; B only ever reads the tag, which is atomic", proof, quick_bound});
  d.template model_cell<instance<owner_tag_two_wrappers_one_other, variant::upstream, contract::free_threaded>>(
      {description, {"data_race"},
       "the wrapper pointer is a plain word stored after the tag: a second thread of A that "
       "sees the tag reads it, or stores its own wrapper over it, with nothing ordering the "
       "two accesses; the engine reports that race before any later check can run",
       proof, quick_bound});

  constexpr const char* bit_description =
      "before() tags the slot for A (definitely_uninitialized) and installs the wrapper; "
      "threads 0 and 1 (A) set and clear the ownership bit and read the wrapper back; "
      "thread 2 (B) wraps with tagged_by_other and checks, and must get ownership errors";
  // Full search does not finish in 240 s under gil (the GILs' lock steps) and
  // takes about 65 s free-threaded; context bound 2 takes 0.7-2.5 s.
  constexpr proof_search bit_proof = context_bound(2);
  d.template model_cell<instance<owner_tag_ownership_bit, variant::reference, contract::gil>>(
      {bit_description, {"pass"}, reference_why, bit_proof});
  d.template model_cell<instance<owner_tag_ownership_bit, variant::reference, contract::free_threaded>>(
      {bit_description, {"pass"}, "set_owns is an atomic read-modify-write", bit_proof});
  d.template model_cell<instance<owner_tag_ownership_bit, variant::upstream, contract::gil>>(
      {bit_description, {"pass"}, "A's GIL serializes A's two set_owns calls", bit_proof});
  d.template model_cell<instance<owner_tag_ownership_bit, variant::upstream, contract::free_threaded>>(
      {bit_description, {"data_race"},
       "set_owns is a plain read-modify-write of the wrapper word: two threads of A flipping "
       "the bit at once race on it (the way an update gets lost)",
       bit_proof});

  // Self-application (issue 11's shape): a slot re-initialised with its own
  // wrapper. owner_tag has no slow path, so gil_released_in_slow is gil here.
  using scenarios::owner_tag_reinit_own_wrapper;
  constexpr const char* reinit_description =
      "before() tags the slot for A, installs wrapper W and owns it; threads 0 and 1 (A) both "
      "init the slot with W again (tagged_by_us, maybe_uninitialized) and check it; W must stay, "
      "owned, and be released once";
  constexpr const char* reinit_upstream_why =
      "upstream's init stores the word unconditionally: re-initialising with W clears the "
      "ownership bit, so maybe_destroy never releases W. Upstream's callers init only after "
      "check() found no wrapper; the reference promises more (init installs only into an empty "
      "slot)";
  // Two threads, no relaxed tag race: full search completes (reference: 956
  // executions under gil, 126 free-threaded, each under 0.1 s).
  constexpr proof_search reinit_proof = full_search;
  constexpr proof_search reinit_gil_proof = full_search;
  d.template model_cell<instance<owner_tag_reinit_own_wrapper, variant::reference, contract::gil>>(
      {reinit_description, {"pass"}, reference_why, reinit_gil_proof});
  d.template model_cell<instance<owner_tag_reinit_own_wrapper, variant::reference, contract::free_threaded>>(
      {reinit_description, {"pass"}, reference_why, reinit_proof});
  d.template model_cell<instance<owner_tag_reinit_own_wrapper, variant::upstream, contract::gil>>(
      {reinit_description, {"assertion"}, reinit_upstream_why, reinit_gil_proof});
  d.template model_cell<instance<owner_tag_reinit_own_wrapper, variant::upstream, contract::free_threaded>>(
      {reinit_description, {"data_race", "assertion"},
       "the two re-inits' plain stores of the wrapper word race (and a check's plain load races "
       "them); where the engine reports no race first, the cleared ownership bit",
       reinit_proof});

  // --- stress layer: what real threads may find, per variant and contract.
  // Race on the wrapper pointer (tag visible before the pointer), two
  // wrappers for one object (invariant), lost ownership-bit update.
  d.stress_expectation({"reference", "gil", {"pass"}});
  d.stress_expectation({"reference", "gil_released_in_slow", {"pass"}});
  d.stress_expectation({"reference", "free_threaded", {"pass"}});
  d.stress_expectation({"upstream", "gil", {"pass"}});
  d.stress_expectation({"upstream", "gil_released_in_slow", {"pass"}});
  d.stress_expectation({"upstream", "free_threaded", {"pass", "data_race", "assertion"},
                        "wrapper pointer stored after the tag: race, two wrappers for one object"});
  constexpr const char* scenarios_file = "impl/ordercheck/scenarios/owner_tag_scenarios.hpp";
  d.template stress_scenario<every_variant_and_contract<owner_tag_two_wrappers_one_other>>(
      {"two threads of interpreter A and one of B wrap one object at once", scenarios_file});
  d.template stress_scenario<every_variant_and_contract<owner_tag_ownership_bit>>(
      {"two threads of A flip the ownership bit while B meets ownership errors", scenarios_file});
  // Re-initialising with the installed wrapper clears upstream's ownership bit
  // in every round, GIL or not (after() sees it).
  constexpr const char* reinit_defect = "init with its own wrapper stores the word: ownership bit lost";
  for (const char* contract : {"gil", "gil_released_in_slow"}) {
    d.stress_expectation({"upstream", contract, {"pass", "assertion"}, reinit_defect, "reinit_own_wrapper"});
  }
  d.stress_expectation({"upstream", "free_threaded", {"pass", "data_race", "assertion"},
                        "init with its own wrapper: racing plain stores of the word, ownership bit lost",
                        "reinit_own_wrapper"});
  d.template stress_scenario<every_variant_and_contract<owner_tag_reinit_own_wrapper>>(
      {"two threads of A re-initialise the slot with its own owned wrapper", scenarios_file});
}

}  // namespace ordercheck::subjects::owner_tag
