// relacy_engine: runs one scenario under Relacy with run_settings and returns
// what Relacy found (engine_outcome). Included only by the cells_*.cpp files,
// which instantiate it once per cell; every other file sees cells through
// cell.hpp, without Relacy.
#pragma once

// Everything that includes standard or library headers comes before Relacy,
// which defines `new` and `delete` as macros.
#include <chrono>

#include "cell.hpp"
#include "history_stream.hpp"
#include "relacy_sync.hpp"  // then Relacy
#include "model_driver.hpp"

namespace ordercheck::model {

// Relacy's result as a verdict of the results schema.
results::verdict classify(rl::test_result_e result);

// The one stream Relacy writes to (it must outlive every simulation).
history_stream& relacy_output();

// Fills Relacy's parameters from the settings; returns the first iteration.
unsigned long long configure(rl::test_params& params, const run_settings& settings);

template <class Scenario>
engine_outcome run_in_relacy(const run_settings& settings) {
  // Relacy 2.4 sizes its wait sets by the thread count; with one thread g++ 12
  // warns that waitset<1>::remove indexes past its one-element array (a false
  // positive, but -Werror=array-bounds fails the build). A one-thread scenario
  // has no interleaving to explore either: test it as a unit test under
  // std_sync, or give it a second thread.
  static_assert(Scenario::thread_count >= 2,
                "ordercheck: a model scenario needs at least two threads (one-thread "
                "scenarios do not compile in Relacy 2.4 and have nothing to interleave)");
  using suite = relacy_test_suite<Scenario>;
  history_stream& output = relacy_output();
  output.clear();
  rl::test_params params;
  const unsigned long long first_iteration = configure(params, settings);
  const auto start = std::chrono::steady_clock::now();
  rl::simulate<suite>(params);
  engine_outcome outcome;
  outcome.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  outcome.observed = classify(params.test_result);
  outcome.engine_result = rl::test_result_str(params.test_result);
  const unsigned long long stop = params.stop_iteration;
  outcome.iterations = stop >= first_iteration ? stop - first_iteration + 1 : 0;
  if (params.test_result != rl::test_result_success) {
    outcome.final_state =
        params.final_state.empty() ? settings.replay_state : std::string(params.final_state.c_str());
    outcome.history = output.text();
  }
  return outcome;
}

}  // namespace ordercheck::model
