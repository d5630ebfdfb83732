// refcounted_deleter cells (DESIGN.md's verdict table, third row).
#include "cell_factory.hpp"

#include "cells.hpp"
#include "ordercheck/scenarios/refcounted_deleter_scenarios.hpp"

namespace ordercheck::model {
namespace {

constexpr const char* subject = "refcounted_deleter";
// The decrement and the "am I last?" test are two operations: two releases
// from a count of 2 can both read 0. Then either the second inner-deleter run
// starts (the scenario's run counter asserts at once), or it reads the context
// the first release already deleted (access to freed memory). A double free
// cannot come first: the second release reads the context before deleting it.
// No race either: both decrements are seq_cst read-modify-writes that order
// every owner's buffer reads before the deleter's writes.
constexpr const char* double_release_why =
    "two releases both read 0 after decrementing: the inner deleter runs twice (its run "
    "counter asserts) or the second release reads the freed context";
const std::vector<results::verdict> double_release = {results::verdict::assertion,
                                                      results::verdict::use_after_free};

}  // namespace

// Full search completes in under a second for every scenario here, except
// share_while_releasing under gil (context bound 2, see below).
void add_refcounted_deleter_cells(std::vector<cell>& cells) {
  add_gil_and_free_threaded<scenarios::refcounted_deleter_two_releases>(
      cells, subject,
      "two storages of two interpreters share one buffer (count 2); each thread reads the "
      "bytes and releases its storage",
      double_release, double_release_why, full_search(), full_search());
  add_gil_and_free_threaded<scenarios::refcounted_deleter_share_while_releasing>(
      cells, subject,
      "three interpreters: thread 0 makes a new storage from storage 0, uses and releases "
      "both while threads 1 and 2 release their storages (count 3, then 4)",
      double_release, double_release_why, full_search(),
      // Three GILs' lock steps: full search does not finish in 240 s.
      context_bound(2));
  add_gil_and_free_threaded<scenarios::refcounted_deleter_concurrent_share>(
      cells, subject,
      "two interpreters make the buffer shared at once from one unique storage, use and "
      "release their new storages; the original is released after both",
      clean,
      "the original storage keeps a count until both threads are done, so no two releases "
      "can both see 0: this cell checks maybe_apply and the increments",
      full_search(), full_search());
}

}  // namespace ordercheck::model
