// ttas_spinlock for the properties layer: its operations, its sequential
// model, the system that runs them on a real lock, and its cells. Only the
// properties driver includes this file (cells/property_declaration.hpp).
//
// Operations (each takes the lock and lets it go before it returns, so no
// operation leaves the lock held for another thread to wait on forever):
//   increment()  lock; read the guarded plain counter; write it + 1; unlock
//                -> the value it read
//   read()       lock; read the guarded plain counter; unlock -> the value
// The sequential model: a counter; increment returns it and adds one, read
// returns it. Both operations may run in the prefix and in parallel: nothing
// is excluded. The counter is a Sync::plain, so in Relacy a lock that does
// not order one holder's write before the next holder's read is a data race.
#pragma once

#include <rapidcheck.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "cells/property_declaration.hpp"
#include "linearizability/observation.hpp"
#include "linearizability/parallel_program.hpp"
#include "linearizability/predicted_model.hpp"
#include "ordercheck/ttas_spinlock/reference.hpp"
#include "ordercheck/ttas_spinlock/upstream.hpp"

namespace ordercheck::properties {

struct ttas_spinlock_spec {
  static constexpr const char* subject_name = "ttas_spinlock";
  // The lock allocates nothing (the Relacy mode stops tracking the heap).
  static constexpr bool heap_is_bookkeeping = true;
  enum code : std::uint8_t { increment, read };

  static std::string operation_name(const operation& op) {
    return op.code == increment ? "increment()" : "read()";
  }

  static rc::Gen<operation> operation_gen(lane, const operation_menu&) {
    return rc::gen::map(rc::gen::elementOf(std::vector<std::uint8_t>{increment, read}), [](std::uint8_t c) {
      operation op;
      op.code = c;
      return op;
    });
  }

  struct model : predicted_model<model> {
    using input = operation;
    using output = observation;
    struct state {
      std::uint64_t counter = 0;
      bool operator==(const state&) const = default;
    };
    static state initial() { return {}; }
    static std::size_t hash(const state& s) { return hash_combine(0, s.counter); }
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
    observation run(const operation& op, lane) {
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

}  // namespace ordercheck::properties

namespace ordercheck::subjects::ttas_spinlock {

// The properties layer's cells (cells/property_declaration.hpp): the
// reference passes on real threads and in Relacy; relaxed_acquire is found
// by Relacy every time and on real threads only with a measured rate.
using reference_system = properties::declared_system<properties::ttas_spinlock_spec, ordercheck::reference::ttas_spinlock>;
using relaxed_acquire_system =
    properties::declared_system<properties::ttas_spinlock_spec, ordercheck::relaxed_acquire::ttas_spinlock>;

template <class Declarer>
void declare_properties(Declarer& d) {
  using properties::property_engine;
  using declaration::no_contract;
  constexpr auto threads = property_engine::real_threads;
  constexpr auto relacy = property_engine::relacy;
  constexpr const char* reference_why = "the lock's acquire exchange orders each holder after the previous one";
  // Real threads.
  d.template property_cell<reference_system>(
      {threads, "reference", no_contract, "linearizability", {"pass"}, reference_why});
  d.template property_cell<relaxed_acquire_system>(
      {threads, "relaxed_acquire", no_contract, "lost_increment", {"linearizability_violation"},
       "a relaxed exchange lets the next holder read a stale counter; x86's locked exchange orders it anyway, so "
       "real threads see it only where the compiler or the CPU reorders (a rate, not a gate)",
       true});
  // Relacy.
  d.template property_cell<reference_system>(
      {relacy, "reference", no_contract, "linearizability", {"pass"}, reference_why});
  d.template property_cell<relaxed_acquire_system>(
      {relacy, "relaxed_acquire", no_contract, "lost_increment", {"data_race"},
       "the exchange that takes the lock is relaxed: the previous holder's write of the plain counter does not "
       "happen before the next holder's read, and Relacy reports the race"});
}

}  // namespace ordercheck::subjects::ttas_spinlock
