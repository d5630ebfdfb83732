// code_context cells (DESIGN.md's verdict table, fourth row).
//
// Both contracts run the same map code (see code_context_scenarios.hpp): the
// upstream map's own lock makes each dict operation atomic, as the GIL (or a
// free-threaded dict's lock) does; `gil` adds the GIL around the scenario's
// Python-level steps. So the upstream defects appear under both, as
// DESIGN.md says ("GIL or not").
#include "cell_factory.hpp"

#include "cells.hpp"
#include "ordercheck/scenarios/code_context_scenarios.hpp"

namespace ordercheck::model {
namespace {

constexpr const char* subject = "code_context";
constexpr const char* reference_why = "the reference is correct with or without a GIL";

template <template <class, variant, contract> class Scenario>
void add_four(std::vector<cell>& cells, const char* description,
              const std::vector<results::verdict>& upstream_expected, const char* upstream_why) {
  // Full search completes for every scenario here in well under a second.
  cells.push_back(make_cell<Scenario, variant::reference, contract::gil>(
      {subject, description, clean, reference_why, full_search()}));
  cells.push_back(make_cell<Scenario, variant::reference, contract::free_threaded>(
      {subject, description, clean, reference_why, full_search()}));
  cells.push_back(make_cell<Scenario, variant::upstream, contract::gil>(
      {subject, description, upstream_expected, upstream_why, full_search()}));
  cells.push_back(make_cell<Scenario, variant::upstream, contract::free_threaded>(
      {subject, description, upstream_expected, upstream_why, full_search()}));
}

}  // namespace

void add_code_context_cells(std::vector<cell>& cells) {
  using results::verdict;
  // Every map access holds a lock, so the defects are logical, never races:
  // the scenario's and the map's own assertions are the only way they show.
  add_four<scenarios::code_context_two_getters>(
      cells, "two threads get the same new key at once; both read the context's key field",
      {verdict::assertion},
      "lost insert: both gets miss and both insert; the first caller's context is no longer "
      "the map's (the scenario's same-context assertion)");
  add_four<scenarios::code_context_two_pops>(
      cells, "two threads pop one present key at once",
      {verdict::assertion},
      "remove racing remove: both pops see the entry and both delete it (the map's KeyError "
      "assertion), or both take the one context (the scenario's assertion)");
  add_four<scenarios::code_context_get_while_key_dies>(
      cells,
      "thread 0 gets a new key twice while thread 1 drops the last reference to another key "
      "that has an entry (its death callback removes the entry)",
      clean,
      "each dict operation is atomic and the two threads touch different keys: upstream "
      "passes this one, which checks the death callback and the table's integrity");
}

}  // namespace ordercheck::model
