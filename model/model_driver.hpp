// model_driver: wraps a scenario (impl/ordercheck/scenarios/) in an
// rl::test_suite and runs it under Relacy with the settings the runner asks for.
//
// Include model/relacy_sync.hpp before this file (it brings <relacy/relacy.hpp>
// after the standard headers).
#pragma once

#include "relacy_sync.hpp"

namespace ordercheck {

// The relacy_sync state that lives outside any test object: the per-thread
// flags of every thread_flag tag the primitives use. Relacy indexes them by
// simulated thread and they outlive an execution, so every driver clears them
// before each execution (and the properties driver again after its prefix,
// which runs on simulated thread 0).
inline void clear_relacy_thread_flags() { relacy_sync::clear_thread_flags(); }

// Resets that state before each execution, then forwards to the scenario.
template <class Scenario>
struct relacy_test_suite : rl::test_suite<relacy_test_suite<Scenario>, Scenario::thread_count> {
  Scenario scenario;

  void before() {
    clear_relacy_thread_flags();
    scenario.before();
  }
  void thread(unsigned index) { scenario.thread(index); }
  void after() { scenario.after(); }
};

}  // namespace ordercheck
