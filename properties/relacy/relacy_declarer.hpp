// The properties layer's Relacy declarer: turns the relacy cells a subject
// declares (impl/ordercheck/subject/property_cells.hpp) into property cells that interpret generated programs in Relacy over every interleaving
// within a context bound, each execution's history checked for sequential
// consistency (relacy/relacy_program.hpp says why not real time).
// Deterministic: each cell's verdict is found every time. Included only by
// the generated per-subject translation units (relacy/subject_relacy_cells.cpp.in).
//
// Include order: standard headers and everything that includes them, then
// Relacy (through relacy_program.hpp), then the primitives (the generated
// unit includes the subject after this header).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "bounded_number.hpp"
#include "cells/property_cell.hpp"
#include "cells/property_declaration.hpp"
#include "linearizability/counterexample_search.hpp"
#include "ordercheck/sync/std_sync.hpp"
#include "subjects/interpreter_pair.hpp"

#include "relacy/relacy_history.hpp"
#include "relacy/relacy_program.hpp"

namespace ordercheck::properties {

// The search bound and its environment overrides (relacy_cells.cpp). Each
// throws std::invalid_argument for an out-of-range override.
program_shape relacy_shape();
unsigned relacy_programs(unsigned fallback);
unsigned relacy_context_bound();

template <class Spec, class System>
cell_outcome run_in_relacy(const cell_settings& settings, const operation_menu& menu) {
  search_settings search;
  search.seed = settings.seed;
  // Four times the real-thread count (400 by default): a Relacy program
  // costs milliseconds, and the owner_tag fixture needs about 300 to be
  // found on every seed (100 seeds measured; at 100 programs 9 missed it).
  search.programs = relacy_programs(4 * settings.programs);
  search.max_shrink_trials = 40;
  unsigned long long executions = 0;
  const relacy_search_bound bound{relacy_context_bound()};
  program_trial trial = [&executions, bound](const parallel_program& p) {
    return simulate_any_threads<Spec, System>(p, bound, executions);
  };
  const search_result found = search_counterexample(program_gen<Spec>(menu, relacy_shape()), trial, search);
  cell_outcome outcome;
  outcome.programs = found.programs_tried;
  outcome.shrink_steps = found.shrink_steps;
  outcome.iterations = executions;
  outcome.wall_seconds = found.wall_seconds;
  if (!found.failure) {
    outcome.observed = results::verdict::pass;
    outcome.message = "every execution of " + std::to_string(found.programs_tried) + " programs (" +
                      std::to_string(executions) + " executions, context bound " +
                      std::to_string(bound.context_bound) + ") is sequentially consistent and clean";
    return outcome;
  }
  outcome.observed = results::verdict_from_name(found.failure->engine_verdict);
  outcome.message = found.failure->engine_verdict + " after " + std::to_string(found.programs_tried) +
                    " programs; shrunk to " + std::to_string(found.minimal->operation_count()) +
                    " operations in " + std::to_string(found.minimal->threads.size()) + " threads";
  outcome.scenario = describe_failure<Spec>(found);
  attach_relacy_history(outcome, found.failure->engine_history);
  return outcome;
}

class relacy_declarer : public skips_model_and_stress {
 public:
  relacy_declarer(const char* subject, std::vector<property_cell>& cells) : subject_(subject), cells_(cells) {}

  // Appends the cell when it runs in Relacy; real-thread cells are the other
  // declarer's (cells/real_thread_declarer.hpp). Throws declaration::declaration_error.
  template <class System>
  void property_cell(const declared_cell& declared) {
    if (declared.engine != property_engine::relacy) return;
    properties::property_cell cell = declared_property_cell(subject_, declared, "/relacy", "rapidcheck+relacy");
    using spec = typename System::spec;
    check_operations<spec>(declared.menu);
    using system = typename System::template with<relacy_sync>;
    cell.run = [menu = declared.menu](const cell_settings& s) { return run_in_relacy<spec, system>(s, menu); };
    cells_.push_back(std::move(cell));
  }

 private:
  const char* subject_;
  std::vector<properties::property_cell>& cells_;
};

}  // namespace ordercheck::properties
