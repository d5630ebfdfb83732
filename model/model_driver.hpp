// model_driver: wraps a scenario (impl/ordercheck/scenarios/) in an
// rl::test_suite and runs it under Relacy with the settings the runner asks for.
//
// Include model/relacy_sync.hpp before this file (it brings <relacy/relacy.hpp>
// after the standard headers).
#pragma once

#include "relacy_sync.hpp"

namespace ordercheck {

// Resets the relacy_sync state that lives outside the scenario object (the
// per-thread flags) before each execution, then forwards to the scenario.
template <class Scenario, class... ThreadFlagTags>
struct relacy_test_suite
    : rl::test_suite<relacy_test_suite<Scenario, ThreadFlagTags...>, Scenario::thread_count> {
  Scenario scenario;

  void before() {
    (relacy_sync::thread_flag<ThreadFlagTags>::clear(), ...);
    scenario.before();
  }
  void thread(unsigned index) { scenario.thread(index); }
  void after() { scenario.after(); }
};

}  // namespace ordercheck
