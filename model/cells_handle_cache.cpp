// handle_cache cells (DESIGN.md's verdict table, second row).
#include "cell_factory.hpp"

#include "cells.hpp"
#include "ordercheck/scenarios/handle_cache_scenarios.hpp"

namespace ordercheck::model {

void add_handle_cache_cells(std::vector<cell>& cells) {
  using results::verdict;
  using scenarios::handle_cache_two_claimants_one_other;
  constexpr const char* subject = "handle_cache";
  constexpr const char* description =
      "threads 0 and 1 (interpreter A) and 2 (interpreter B) each call ptr_or twice; slow() "
      "writes the thread's handle's field once and returns it; every result's field is read";
  constexpr const char* reference_why = "the reference is correct with or without a GIL";
  // Full search completes in 7 s free-threaded; with the GILs' lock steps it
  // does not finish in 120 s, so those cells are proved with context bound 2.
  const run_settings bounded = context_bound(2);

  cells.push_back(make_cell<handle_cache_two_claimants_one_other, variant::reference, contract::gil>(
      {subject, description, clean, reference_why, bounded}));
  cells.push_back(make_cell<handle_cache_two_claimants_one_other, variant::reference,
                            contract::gil_released_in_slow>(
      {subject, description, clean, reference_why, bounded}));
  cells.push_back(make_cell<handle_cache_two_claimants_one_other, variant::reference, contract::free_threaded>(
      {subject, description, clean, reference_why, full_search()}));
  cells.push_back(make_cell<handle_cache_two_claimants_one_other, variant::upstream, contract::gil>(
      {subject, description, clean,
       "A's GIL keeps A's second thread out until the claimant has stored the handle; B "
       "never reads A's handle",
       bounded}));
  cells.push_back(make_cell<handle_cache_two_claimants_one_other, variant::upstream,
                            contract::gil_released_in_slow>(
      {subject, description, {verdict::assertion},
       "both A threads miss while slow() has let the GIL go; the loser's claim fails with the "
       "tag already A and the \"shouldn't be possible\" assertion fires; the GIL still orders "
       "the handle's store before any hit, so no race",
       bounded}));
  cells.push_back(make_cell<handle_cache_two_claimants_one_other, variant::upstream, contract::free_threaded>(
      {subject, description, {verdict::data_race, verdict::assertion},
       "either the publication race (a hit reads the plain handle the claimant stores after "
       "the tag) or the same-interpreter double miss (the claim assertion, or a null handle "
       "from a hit that the scenario's check rejects): both are the defect",
       full_search()}));
}

}  // namespace ordercheck::model
