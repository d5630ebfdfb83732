// Runs a real-thread property cell: generates parallel programs for a
// subject, runs each on real threads, checks linearizability and shrinks the
// first failure (cells/real_thread_declarer.hpp builds the cells).
#pragma once

#include <string>

#include "cells/property_cell.hpp"
#include "linearizability/counterexample_search.hpp"

namespace ordercheck::properties {

template <class Spec, class System>
cell_outcome run_linearizability_on_threads(const cell_settings& settings, operation_menu menu) {
  search_settings search;
  search.seed = settings.seed;
  search.programs = settings.programs;
  unsigned long long runs = 0;
  const unsigned per_program = settings.runs_per_program;
  program_trial trial = [&runs, per_program](const parallel_program& p) {
    std::optional<program_failure> f = try_on_threads<Spec, System>(p, per_program);
    runs += f ? f->run : per_program;
    return f;
  };
  const search_result found = search_counterexample(program_gen<Spec>(menu), trial, search);
  cell_outcome outcome;
  outcome.programs = found.programs_tried;
  outcome.shrink_steps = found.shrink_steps;
  outcome.iterations = runs;
  outcome.wall_seconds = found.wall_seconds;
  if (!found.failure) {
    outcome.observed = results::verdict::pass;
    outcome.message = "every history of " + std::to_string(found.programs_tried) +
                      " programs (" + std::to_string(runs) + " runs) is linearizable";
    return outcome;
  }
  outcome.observed = found.failure->kind == failure_kind::assertion
                         ? results::verdict::assertion
                         : results::verdict::linearizability_violation;
  outcome.message = std::string(failure_kind_name(found.failure->kind)) + " after " +
                    std::to_string(found.programs_tried) + " programs; shrunk to " +
                    std::to_string(found.minimal->operation_count()) + " operations in " +
                    std::to_string(found.minimal->threads.size()) + " threads";
  outcome.scenario = describe_failure<Spec>(found);
  return outcome;
}

}  // namespace ordercheck::properties
