// owner_tag cells (DESIGN.md's verdict table, first row).
#include "cell_factory.hpp"

#include "cells.hpp"
#include "ordercheck/scenarios/owner_tag_scenarios.hpp"

namespace ordercheck::model {

void add_owner_tag_cells(std::vector<cell>& cells) {
  using results::verdict;
  using scenarios::owner_tag_ownership_bit;
  using scenarios::owner_tag_two_wrappers_one_other;
  constexpr const char* subject = "owner_tag";
  constexpr const char* description =
      "threads 0 and 1 (interpreter A) and 2 (interpreter B) each look for the object's "
      "wrapper and, finding none, create and install one, then read its field; thread 1 "
      "also checks in hermetic mode";
  // Full search does not finish in 100 s (three threads, relaxed tag loads);
  // context bound 2 does: 15 s free-threaded, 66 s with the GILs' lock steps.
  const run_settings proof = context_bound(2);
  // Context bound 2 is too slow for the quick profile here; bound 1 takes 6 s.
  constexpr unsigned quick_bound = 1;

  cells.push_back(make_cell<owner_tag_two_wrappers_one_other, variant::reference, contract::gil>(
      {subject, description, clean, "the reference is correct with or without a GIL", proof, quick_bound}));
  cells.push_back(make_cell<owner_tag_two_wrappers_one_other, variant::reference, contract::free_threaded>(
      {subject, description, clean, "the reference is correct with or without a GIL", proof, quick_bound}));
  cells.push_back(make_cell<owner_tag_two_wrappers_one_other, variant::upstream, contract::gil>(
      {subject, description, clean,
       "A's GIL serializes A's two wraps; B only ever reads the tag, which is atomic", proof,
       quick_bound}));
  cells.push_back(make_cell<owner_tag_two_wrappers_one_other, variant::upstream, contract::free_threaded>(
      {subject, description, {verdict::data_race},
       "the wrapper pointer is a plain word stored after the tag: a second thread of A that "
       "sees the tag reads it, or stores its own wrapper over it, with nothing ordering the "
       "two accesses; the engine reports that race before any later check can run",
       proof, quick_bound}));

  constexpr const char* bit_description =
      "before() tags the slot for A (definitely_uninitialized) and installs the wrapper; "
      "threads 0 and 1 (A) set and clear the ownership bit and read the wrapper back; "
      "thread 2 (B) wraps with tagged_by_other and checks, and must get ownership errors";
  // Full search does not finish in 240 s under gil (the GILs' lock steps) and
  // takes about 65 s free-threaded; context bound 2 takes 0.7-2.5 s.
  const run_settings bit_proof = context_bound(2);
  cells.push_back(make_cell<owner_tag_ownership_bit, variant::reference, contract::gil>(
      {subject, bit_description, clean, "the reference is correct with or without a GIL", bit_proof}));
  cells.push_back(make_cell<owner_tag_ownership_bit, variant::reference, contract::free_threaded>(
      {subject, bit_description, clean, "set_owns is an atomic read-modify-write", bit_proof}));
  cells.push_back(make_cell<owner_tag_ownership_bit, variant::upstream, contract::gil>(
      {subject, bit_description, clean, "A's GIL serializes A's two set_owns calls", bit_proof}));
  cells.push_back(make_cell<owner_tag_ownership_bit, variant::upstream, contract::free_threaded>(
      {subject, bit_description, {verdict::data_race},
       "set_owns is a plain read-modify-write of the wrapper word: two threads of A flipping "
       "the bit at once race on it (the way an update gets lost)",
       bit_proof}));
}

}  // namespace ordercheck::model
