// ttas_spinlock's declaration: the worked example of README's "Adding your
// own primitive" (impl/ordercheck/subject/declaration.hpp says what a
// declaration is).
//
// Variants: reference (reference.hpp) and relaxed_acquire (upstream.hpp: the
// lock's exchange is relaxed). Contracts: none (a spinlock has no GIL story;
// its cells are named with the contract "none").
#pragma once

#include "ordercheck/subject/declaration.hpp"
#include "ordercheck/ttas_spinlock/reference.hpp"
#include "ordercheck/ttas_spinlock/upstream.hpp"

namespace ordercheck::subjects::ttas_spinlock {

inline constexpr const char* name = "ttas_spinlock";
inline constexpr int table_row = 5;

// The scenario, in the shape every driver runs (impl/ordercheck/scenarios/
// scenario.hpp): two threads each take the lock, increment a guarded counter
// (a plain read, then a plain write) and let the lock go. The counter is
// touched through Sync::plain, so a lock that does not order one holder's
// write before the next holder's read shows up as a data race.
template <class Sync, class Lock>
class two_increments {
 public:
  static constexpr unsigned thread_count = 2;
  static constexpr const char* name = "two_increments";

  void before() {}
  void thread(unsigned) {
    lock_.lock();
    const int seen = counter_.load();
    counter_.store(seen + 1);
    lock_.unlock();
  }
  void after() {
    Sync::assert_that(counter_.load() == 2, "ttas_spinlock: two increments under the lock give 2");
  }

 private:
  Lock lock_;
  typename Sync::template plain<int> counter_{0};
};

// The instances: the scenario at each variant (no contract).
struct reference_instance {
  static constexpr const char* variant_name = "reference";
  static constexpr const char* contract_name = declaration::no_contract;
  template <class Sync>
  using with = two_increments<Sync, reference::ttas_spinlock<Sync>>;
};
struct relaxed_acquire_instance {
  static constexpr const char* variant_name = "relaxed_acquire";
  static constexpr const char* contract_name = declaration::no_contract;
  template <class Sync>
  using with = two_increments<Sync, relaxed_acquire::ttas_spinlock<Sync>>;
};

template <class Declarer>
void declare(Declarer& d) {
  using namespace ordercheck::declaration;
  constexpr const char* description =
      "two threads each take the lock, read and write a guarded plain counter, and let the lock go";
  // --- model layer: full search of two threads completes in well under a second.
  d.template model_cell<reference_instance>(
      {description, {"pass"}, "the exchange that takes the lock acquires what unlock released", full_search});
  d.template model_cell<relaxed_acquire_instance>(
      {description, {"data_race"},
       "the exchange that takes the lock is relaxed: the first holder's write of the counter does not "
       "happen before the second holder's read, and the engine reports the race",
       full_search});

  // --- stress layer. Under ThreadSanitizer the missing acquire is a data
  // race on the counter; without it, x86's locked exchange hides the defect.
  d.stress_expectation({"reference", no_contract, {"pass"}});
  d.stress_expectation({"relaxed_acquire", no_contract, {"pass", "data_race"},
                        "the lock's exchange is relaxed: the guarded counter races"});
  d.template stress_scenario<instances<reference_instance, relaxed_acquire_instance>>(
      {"two threads increment a counter under the lock", "impl/ordercheck/ttas_spinlock/subject.hpp"});
}

}  // namespace ordercheck::subjects::ttas_spinlock
