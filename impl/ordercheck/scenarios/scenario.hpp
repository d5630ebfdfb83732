// What every scenario shares: the variants, the contracts, and the GIL.
//
// A scenario is a small class templated on a sync policy (and usually on a
// variant and a contract), in Relacy's shape:
//
//   template <class Sync, variant V, contract C>
//   struct two_claimants {
//     static constexpr unsigned thread_count = 3;
//     static constexpr const char* name = "two_claimants";
//     void before();             // single-threaded set-up
//     void thread(unsigned i);   // run by thread i, concurrently
//     void after();              // single-threaded checks, after every thread
//   };
//
// Written once, driven three ways: the model driver wraps it in rl::test_suite
// (model/), the stress driver runs thread(i) on real threads round after round
// (stress/), and benchmarks time the same body. Invariants are checked with
// Sync::assert_that(condition, "what must hold"), which fails the Relacy
// execution or throws ordercheck::assertion_failure on real threads.
//
// Scenarios touch the payload around every synchronization (the wrapper's
// fields, the handle's target, the buffer's bytes, the context's key) through
// Sync::plain, so that a missing acquire or release shows up as a data race.
#pragma once

#include <type_traits>

namespace ordercheck {

enum class variant { reference, upstream };

// What the GIL serializes (docs/design.md, "Subjects, variants and contracts").
enum class contract {
  gil,                   // calls of one interpreter are serialized
  gil_released_in_slow,  // as gil, but the slow path drops and retakes the GIL
  free_threaded,         // nothing is serialized
};

constexpr const char* variant_name(variant v) {
  return v == variant::reference ? "reference" : "upstream";
}

constexpr const char* contract_name(contract c) {
  switch (c) {
    case contract::gil: return "gil";
    case contract::gil_released_in_slow: return "gil_released_in_slow";
    case contract::free_threaded: return "free_threaded";
  }
  return "?";
}

// One mutex per interpreter, held around each API call (each map operation for
// code_context) when the contract has a GIL. Under free_threaded it does
// nothing.
template <class Sync, contract C, unsigned Interpreters = 2>
class gil_set {
 public:
  void acquire(unsigned interpreter) {
    if constexpr (C != contract::free_threaded) mutexes_[interpreter].lock();
  }
  void release(unsigned interpreter) {
    if constexpr (C != contract::free_threaded) mutexes_[interpreter].unlock();
  }
  // Inside a slow path: under gil_released_in_slow the GIL is let go while the
  // slow path runs Python code, then taken again (also when `body` throws, so
  // the caller's `with` still releases a GIL it holds).
  template <class Body>
  decltype(auto) released_in_slow_path(unsigned interpreter, Body&& body) {
    if constexpr (C == contract::gil_released_in_slow) {
      mutexes_[interpreter].unlock();
      const retaken_gil retake{*this, interpreter};
      return body();
    } else {
      return body();
    }
  }
  // Runs `body` holding `interpreter`'s GIL (when the contract has one). The
  // GIL is released however `body` ends: an upstream assertion or an
  // ownership_error thrown by `body` must not leave other threads blocked.
  template <class Body>
  decltype(auto) with(unsigned interpreter, Body&& body) {
    acquire(interpreter);
    const held_gil held{*this, interpreter};
    return body();
  }

 private:
  struct held_gil {
    gil_set& gils;
    unsigned interpreter;
    ~held_gil() { gils.release(interpreter); }
  };
  struct retaken_gil {
    gil_set& gils;
    unsigned interpreter;
    ~retaken_gil() { gils.mutexes_[interpreter].lock(); }
  };

  typename Sync::mutex mutexes_[Interpreters];
};

}  // namespace ordercheck
