// A generated parallel program, interpreted inside Relacy: Lincheck's
// model-checking mode, for C++. Each simulated thread runs its list of
// operations on a System instantiated with relacy_sync; Relacy explores every
// interleaving within its context bound under the C++11 memory model, and at
// the end of each execution the recorded history is checked against the
// subject's sequential model: for sequential consistency (program order per
// thread), since the interleaving's clock is not real time under the relaxed
// model (linearizability/sequential_consistency.hpp says why). Relacy itself
// checks every access for data races, use after free, double free and leaks.
//
// Include order (Relacy redefines new and delete): every standard header, the
// linearizability headers and rapidcheck first, then model/relacy_sync.hpp,
// then this file, then the subject specs and primitives.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "history_stream.hpp"
#include "linearizability/checker.hpp"
#include "linearizability/counterexample_search.hpp"
#include "linearizability/parallel_program.hpp"
#include "linearizability/sequential_consistency.hpp"
#include "model_driver.hpp"
#include "relacy_sync.hpp"
#include "relacy_untracked_heap.hpp"

namespace ordercheck::properties {

// What one execution recorded. Static storage: Relacy constructs the test
// object anew for every execution, and nothing here may allocate inside the
// simulation. The clock is a plain counter: Relacy runs its threads as fibers
// of one OS thread and switches only at instrumented operations, so stamps
// follow the simulated order.
struct relacy_recording {
  static constexpr std::size_t capacity = 64;
  std::array<operation_record<operation, observation>, capacity> records{};
  std::size_t size = 0;
  std::uint64_t clock = 1;
  const parallel_program* program = nullptr;
  bool violation = false;  // the last failing execution failed the history check
  failure_kind violation_kind = failure_kind::linearizability_violation;  // and why
  char report[8192] = {};  // its history, as text

  static relacy_recording& instance() {
    static relacy_recording r;
    return r;
  }
};

template <class Spec, class System, unsigned Threads>
struct relacy_program_test : rl::test_suite<relacy_program_test<Spec, System, Threads>, Threads> {
  System system;

  void before() {
    relacy_recording& r = relacy_recording::instance();
    r.size = 0;
    r.clock = 1;
    r.violation = false;
    clear_relacy_thread_flags();
    for (const operation& op : r.program->prefix) run_one(op, prefix_lane);
    // Relacy runs before() on simulated thread 0, which then runs thread 1's
    // operations: the parallel threads start with fresh flags, as real ones do.
    clear_relacy_thread_flags();
  }

  void thread(unsigned index) {
    for (const operation& op : relacy_recording::instance().program->threads[index]) run_one(op, index + 1);
  }

  void after() {
    relacy_recording& r = relacy_recording::instance();
    {
      // The checker is bookkeeping, not the code under test: its heap must
      // not add Relacy scheduling choices (model/relacy_untracked_heap.hpp).
      const untracked_heap untracked;
      recorded_history h(r.records.begin(), r.records.begin() + static_cast<std::ptrdiff_t>(r.size));
      // Sequential consistency, not linearizability: the interleaving's
      // clock is not real time under the relaxed model (sequential_consistency.hpp).
      const check_outcome outcome = check_sequentially_consistent<typename Spec::model>(h);
      if (outcome.linearizable) return;
      r.violation = true;
      r.violation_kind = classify(h);
      const std::string text =
          describe_history<Spec>(h, outcome, "no legal sequential order (program order kept per thread)");
      std::snprintf(r.report, sizeof r.report, "%s", text.c_str());
    }
    rl::ctx().fail_test("the history has no legal sequential order", rl::test_result_user_assert_failed, $);
  }

 private:
  // A subject whose primitives allocate nothing (Spec::heap_is_bookkeeping)
  // runs with Relacy's heap tracking off: its only allocations are error
  // messages (an ownership_error builds several strings), and each tracked
  // free doubles the executions to explore. Subjects that own memory
  // (refcounted_deleter, code_context) keep tracking: use after free, double
  // free and leaks are what they are checked for.
  observation run_on_system(const operation& op, lane where) {
    if constexpr (requires { requires Spec::heap_is_bookkeeping; }) {
      const untracked_heap untracked;
      return system.run(op, where);
    } else {
      return system.run(op, where);
    }
  }

  void run_one(const operation& op, lane where) {
    relacy_recording& r = relacy_recording::instance();
    operation_record<operation, observation> rec;
    rec.thread = where;
    rec.input = op;
    rec.invoked = r.clock++;
    rec.output = run_on_system(op, where);
    rec.returned = r.clock++;
    if (r.size < relacy_recording::capacity) r.records[r.size++] = rec;
  }
};

inline const char* relacy_verdict_name(rl::test_result_e result, bool violation, failure_kind kind) {
  if (violation) return failure_kind_name(kind);
  switch (result) {
    case rl::test_result_success: return "pass";
    case rl::test_result_data_race: return "data_race";
    case rl::test_result_access_to_freed_memory: return "use_after_free";
    case rl::test_result_double_free: return "double_free";
    case rl::test_result_memory_leak:
    case rl::test_result_resource_leak: return "leak";
    case rl::test_result_user_assert_failed:
    case rl::test_result_user_invariant_failed: return "assertion";
    case rl::test_result_deadlock: return "deadlock";
    case rl::test_result_livelock: return "livelock";
    default: return "crash";
  }
}

struct relacy_search_bound {
  // Preemptions per execution (Relacy's sched_bound). Every known defect here
  // needs one: a thread stopped between two steps of a compound operation.
  unsigned context_bound = 2;
};

// One program, every interleaving in bound: the first failing execution, if any.
template <class Spec, class System, unsigned Threads>
std::optional<program_failure> simulate_program(const parallel_program& program, relacy_search_bound bound,
                                                unsigned long long& executions) {
  relacy_recording& r = relacy_recording::instance();
  r.program = &program;
  // The sequential models predict some assertions (owner_tag's set_owns(true)
  // on an empty slot): assert_that throws, as on real threads, and the system
  // records the assertion as an observation; the history check decides.
  const relacy_sync::assertion_mode saved_mode = relacy_sync::assertions();
  relacy_sync::assertions() = relacy_sync::assertion_mode::throw_exception;
  struct restore_mode {
    relacy_sync::assertion_mode mode;
    ~restore_mode() { relacy_sync::assertions() = mode; }
  } restore{saved_mode};
  static history_stream stream;  // outlives every simulation (model/history_stream.hpp)
  stream.clear();
  rl::test_params params;
  params.search_type = rl::sched_bound;
  params.context_bound = bound.context_bound;
  params.output_stream = &stream;
  params.progress_stream = &stream;
  params.collect_history = false;  // the search keeps no history (it grows per event)
  const bool passed = rl::simulate<relacy_program_test<Spec, System, Threads>>(params);
  executions += params.stop_iteration + 1;
  if (passed) return std::nullopt;
  // Replay only the failing execution, this time with Relacy's history: each
  // step's thread, site, operation, order and value, under the history table.
  const rl::test_result_e found = params.test_result;
  const bool violation = r.violation;
  const failure_kind violation_kind = r.violation_kind;
  {
    rl::test_params replay;
    replay.search_type = rl::sched_bound;
    replay.context_bound = bound.context_bound;
    replay.output_stream = &stream;
    replay.progress_stream = &stream;
    // Collected and printed at the failure, as the model layer's replay
    // does: "execution history (N):" then the events, the form
    // model/history_parser.hpp reads (output_history prints them live, unheaded).
    replay.collect_history = true;
    replay.output_history = false;
    replay.initial_state = params.final_state;
    stream.clear();
    rl::simulate<relacy_program_test<Spec, System, Threads>>(replay);
  }
  params.test_result = found;
  r.violation = violation;
  r.violation_kind = violation_kind;
  program_failure failure;
  failure.engine_verdict = relacy_verdict_name(params.test_result, r.violation, r.violation_kind);
  failure.kind = failure.engine_verdict == "assertion" ? failure_kind::assertion
                                                       : failure_kind::linearizability_violation;
  failure.run = static_cast<unsigned>(params.stop_iteration + 1);
  // The operations history (or Relacy's verdict) is the readable report;
  // Relacy's own history becomes the record's interleaving (relacy_declarer.hpp).
  failure.engine_report = r.violation ? std::string(r.report)
                                      : "Relacy: " + std::string(rl::test_result_str(params.test_result)) + "\n";
  failure.engine_history = stream.text();
  return failure;
}

template <class Spec, class System>
std::optional<program_failure> simulate_any_threads(const parallel_program& program, relacy_search_bound bound,
                                                    unsigned long long& executions) {
  switch (program.threads.size()) {
    case 2: return simulate_program<Spec, System, 2>(program, bound, executions);
    case 3: return simulate_program<Spec, System, 3>(program, bound, executions);
    default: return simulate_program<Spec, System, 4>(program, bound, executions);
  }
}

}  // namespace ordercheck::properties
