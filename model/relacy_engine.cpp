// The parts of relacy_engine that do not depend on the scenario.
#include "relacy_engine.hpp"

#include <sstream>
#include <string>

namespace ordercheck::model {

results::verdict classify(rl::test_result_e result) {
  using results::verdict;
  switch (result) {
    case rl::test_result_success: return verdict::pass;
    case rl::test_result_data_race: return verdict::data_race;
    case rl::test_result_access_to_freed_memory: return verdict::use_after_free;
    case rl::test_result_double_free: return verdict::double_free;
    case rl::test_result_memory_leak:
    case rl::test_result_resource_leak: return verdict::leak;
    case rl::test_result_user_assert_failed:
    case rl::test_result_user_invariant_failed: return verdict::assertion;
    case rl::test_result_deadlock: return verdict::deadlock;
    case rl::test_result_livelock: return verdict::livelock;
    case rl::test_result_unitialized_access: return verdict::uninitialized_read;
    // Misuse the engine catches that is none of the kinds above (unlocking a
    // mutex one does not hold, ...): the program broke one of its own rules,
    // which is what an assertion reports.
    case rl::test_result_recursion_on_nonrecursive_mutex:
    case rl::test_result_unlocking_mutex_wo_ownership:
    case rl::test_result_destroying_owned_mutex:
    case rl::test_result_double_initialization_of_mutex:
    case rl::test_result_usage_of_non_initialized_mutex:
    case rl::test_result_mutex_write_to_read_upgrade:
    case rl::test_result_mutex_read_to_write_upgrade: return verdict::assertion;
    // A result ordercheck does not know (an inconsistent suite, ...): the
    // record carries Relacy's text (cell_run.cpp), never a plain assertion.
    default: return verdict::engine_error;
  }
}

history_stream& relacy_output() {
  static history_stream stream;
  return stream;
}

unsigned long long configure(rl::test_params& params, const run_settings& settings) {
  params.output_stream = &relacy_output();
  params.progress_stream = &relacy_output();
  params.progress_output_period = 1000000;
  params.context_bound = settings.context_bound;
  switch (settings.scheduler) {
    case scheduler_kind::random: params.search_type = rl::sched_random; break;
    case scheduler_kind::bound: params.search_type = rl::sched_bound; break;
    case scheduler_kind::full: params.search_type = rl::sched_full; break;
  }
  if (!settings.replay_state.empty()) {
    // Re-execute exactly the saved execution and record its history (Relacy
    // does the same when it reports a failure).
    params.initial_state = settings.replay_state.c_str();
    params.collect_history = true;
    unsigned long long saved_iteration = 1;
    std::istringstream(settings.replay_state) >> saved_iteration;
    params.iteration_count = saved_iteration;
    return saved_iteration;
  }
  unsigned long long first = 1;
  if (settings.scheduler == scheduler_kind::random) {
    first = settings.seed * seed_stride + 1;
    if (first > 1) params.initial_state = std::to_string(first).c_str();
    params.iteration_count = first + settings.iterations - 1;
  }
  return first;
}

}  // namespace ordercheck::model
