// refcounted_deleter's declaration (impl/ordercheck/subject/declaration.hpp
// says what a declaration is): docs/design.md's verdict table, third row.
//
// Scenarios: impl/ordercheck/scenarios/refcounted_deleter_scenarios.hpp
// (every layer); stress only: stress/declare.hpp (stress driver only).
#pragma once

#include "ordercheck/scenarios/refcounted_deleter_scenarios.hpp"
#include "ordercheck/scenarios/gil_instances.hpp"
#include "ordercheck/subject/declaration.hpp"

namespace ordercheck::subjects::refcounted_deleter {

inline constexpr const char* name = "refcounted_deleter";
inline constexpr int table_row = 3;

template <class Declarer>
void declare(Declarer& d) {
  using namespace ordercheck::declaration;
  // --- model layer
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
  // Full search completes in under a second for every scenario here, except
  // share_while_releasing under gil (context bound 2, see below).
  model_gil_and_free_threaded<scenarios::refcounted_deleter_two_releases>(
      d,
      "two storages of two interpreters share one buffer (count 2); each thread reads the "
      "bytes and releases its storage",
      {"assertion", "use_after_free"}, double_release_why, full_search, full_search);
  model_gil_and_free_threaded<scenarios::refcounted_deleter_share_while_releasing>(
      d,
      "three interpreters: thread 0 makes a new storage from storage 0, uses and releases "
      "both while threads 1 and 2 release their storages (count 3, then 4)",
      {"assertion", "use_after_free"}, double_release_why, full_search,
      // Three GILs' lock steps: full search does not finish in 240 s.
      context_bound(2));
  model_gil_and_free_threaded<scenarios::refcounted_deleter_concurrent_share>(
      d,
      "two interpreters make the buffer shared at once from one unique storage, use and "
      "release their new storages; the original is released after both",
      {"pass"},
      "the original storage keeps a count until both threads are done, so no two releases "
      "can both see 0: this cell checks maybe_apply and the increments",
      full_search, full_search);

  // Aliasing (issue 11's shape): one storage as both source and destination.
  model_gil_and_free_threaded<scenarios::refcounted_deleter_self_share>(
      d,
      "thread 0 makes storage 0 a new storage of its own buffer (source and destination are "
      "the same storage), uses and releases it, while thread 1 uses and releases storage 1",
      {"assertion", "use_after_free"}, double_release_why, full_search, full_search);

  // --- stress layer
  // Two releases both see 0: the inner deleter runs twice (invariant), the
  // context is freed twice (glibc aborts: double free; TSan: a use after
  // free of the first free), or one thread reads the count after the other
  // freed it (use after free), GIL or not.
  constexpr const char* defect = "decrement and test are two operations: double free / use after free";
  for (const char* contract : {"gil", "gil_released_in_slow", "free_threaded"}) {
    d.stress_expectation({"reference", contract, {"pass"}});
    d.stress_expectation({"upstream", contract,
                          {"pass", "double_free", "use_after_free", "assertion", "data_race", "crash"}, defect});
  }
  constexpr const char* scenarios_file = "impl/ordercheck/scenarios/refcounted_deleter_scenarios.hpp";
  d.template stress_scenario<every_variant_and_contract<scenarios::refcounted_deleter_two_releases>>(
      {"two storages of two interpreters release one buffer at once", scenarios_file});
  d.template stress_scenario<every_variant_and_contract<scenarios::refcounted_deleter_share_while_releasing>>(
      {"one thread shares and releases while two others release", scenarios_file});
  d.template stress_scenario<every_variant_and_contract<scenarios::refcounted_deleter_concurrent_share>>(
      {"two interpreters make one unique buffer shared at once", scenarios_file});
  d.template stress_scenario<every_variant_and_contract<scenarios::refcounted_deleter_self_share>>(
      {"one storage shared into itself while another owner releases", scenarios_file});
}

}  // namespace ordercheck::subjects::refcounted_deleter
