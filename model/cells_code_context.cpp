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

}  // namespace

// Full search completes for every scenario here in well under a second.
void add_code_context_cells(std::vector<cell>& cells) {
  using results::verdict;
  // Every map access holds a lock, so the defects are logical, never races:
  // the scenario's and the map's own assertions are the only way they show.
  add_gil_and_free_threaded<scenarios::code_context_two_getters>(
      cells, subject, "two threads get the same new key at once; both read the context's key field",
      {verdict::assertion},
      "lost insert: both gets miss and both insert; the first caller's context is no longer "
      "the map's (the scenario's same-context assertion)",
      full_search(), full_search());
  add_gil_and_free_threaded<scenarios::code_context_two_pops>(
      cells, subject, "two threads pop one present key at once",
      {verdict::assertion},
      "remove racing remove: both pops see the entry and both delete it (the map's KeyError "
      "assertion), or both take the one context (the scenario's assertion)",
      full_search(), full_search());
  add_gil_and_free_threaded<scenarios::code_context_get_while_key_dies>(
      cells, subject,
      "thread 0 gets a new key twice while thread 1 drops the last reference to another key "
      "that has an entry (its death callback removes the entry)",
      clean,
      "each dict operation is atomic and the two threads touch different keys: upstream "
      "passes this one, which checks the death callback and the table's integrity",
      full_search(), full_search());
}

}  // namespace ordercheck::model
