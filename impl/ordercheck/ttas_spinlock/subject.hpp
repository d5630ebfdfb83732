// ttas_spinlock's declaration: the worked example of README's "Adding your
// own primitive" (impl/ordercheck/subject/declaration.hpp says what a
// declaration is).
//
// Variants: reference (reference.hpp) and relaxed_acquire (upstream.hpp: the
// lock's exchange is relaxed). Contracts: none (a spinlock has no GIL story;
// its cells are named with the contract "none").
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "ordercheck/subject/declaration.hpp"
#include "ordercheck/subject/property_cells.hpp"
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

// --- properties layer: its operations, its sequential model, and the system
// that runs them on a real lock (impl/ordercheck/subject/property_cells.hpp).
//   increment()  lock; read the guarded plain counter; write it + 1; unlock
//                -> the value it read
//   read()       lock; read the guarded plain counter; unlock -> the value
// Each operation lets the lock go before it returns, so none leaves it held
// for another thread to wait on forever. The sequential model: a counter;
// increment returns it and adds one, read returns it. Both operations may
// run in the prefix and in parallel: nothing is excluded. The counter is a
// Sync::plain, so in Relacy a lock that does not order one holder's write
// before the next holder's read is a data race.
struct spec {
  static constexpr const char* subject_name = name;
  // The lock allocates nothing (the Relacy mode stops tracking the heap).
  static constexpr bool heap_is_bookkeeping = true;
  enum code : std::uint8_t { increment, read };
  using operation = properties::operation;
  using observation = properties::observation;

  static std::string operation_name(const operation& op) {
    return op.code == increment ? "increment()" : "read()";
  }
  static std::vector<properties::operation_choice> operations(properties::lane, const properties::operation_menu&) {
    return {{increment}, {read}};
  }

  struct model : properties::predicted_model<model> {
    using input = operation;
    using output = observation;
    struct state {
      std::uint64_t counter = 0;
      bool operator==(const state&) const = default;
    };
    static state initial() { return {}; }
    static std::size_t hash(const state& s) { return properties::hash_combine(0, s.counter); }
    static std::pair<observation, state> predict(const state& before, const operation& op) {
      state s = before;
      const observation expected = observation::of(s.counter);
      if (op.code == increment) ++s.counter;
      return {expected, s};
    }
  };
  // One thread's view is the same model: the same predict().
  using sequential_model = model;

  // Lock: reference::ttas_spinlock<Sync> or relaxed_acquire::ttas_spinlock<Sync>.
  template <class Sync, class Lock>
  class system {
   public:
    observation run(const operation& op, properties::lane) {
      lock_.lock();
      const int seen = counter_.load();
      if (op.code == increment) counter_.store(seen + 1);
      lock_.unlock();
      return observation::of(static_cast<std::uint64_t>(seen));
    }

   private:
    Lock lock_;
    typename Sync::template plain<int> counter_{0};
  };
};
using reference_system = properties::declared_system<spec, reference::ttas_spinlock>;
using relaxed_acquire_system = properties::declared_system<spec, relaxed_acquire::ttas_spinlock>;

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

  // --- properties layer: generated programs of increment() and read(). The
  // reference passes on real threads and in Relacy; relaxed_acquire is found
  // by Relacy every time and on real threads only with a measured rate.
  using properties::property_engine;
  constexpr auto threads = property_engine::real_threads;
  constexpr auto relacy = property_engine::relacy;
  constexpr const char* reference_why = "the lock's acquire exchange orders each holder after the previous one";
  d.template property_cell<reference_system>(
      {threads, "reference", no_contract, "linearizability", {"pass"}, reference_why});
  d.template property_cell<relaxed_acquire_system>(
      {threads, "relaxed_acquire", no_contract, "lost_increment", {"linearizability_violation"},
       "a relaxed exchange lets the next holder read a stale counter; x86's locked exchange orders it anyway, so "
       "real threads see it only where the compiler or the CPU reorders (a rate, not a gate)",
       true});
  d.template property_cell<reference_system>(
      {relacy, "reference", no_contract, "linearizability", {"pass"}, reference_why});
  d.template property_cell<relaxed_acquire_system>(
      {relacy, "relaxed_acquire", no_contract, "lost_increment", {"data_race"},
       "the exchange that takes the lock is relaxed: the previous holder's write of the plain counter does not "
       "happen before the next holder's read, and Relacy reports the race"});
}

}  // namespace ordercheck::subjects::ttas_spinlock
