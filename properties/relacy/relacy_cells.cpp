// The Relacy cells: the same generated programs, interpreted in Relacy over
// every interleaving within a context bound (2 by default) under the C++11
// memory model, each execution's history checked for sequential consistency
// (relacy/relacy_program.hpp says why not real time). Deterministic: each
// cell's verdict is found every time (upstream defects included).
//
// Include order: standard headers and everything that includes them, then
// Relacy (through relacy_sync.hpp), then the primitives.
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
#include "linearizability/counterexample_search.hpp"
#include "ordercheck/sync/std_sync.hpp"
#include "subjects/interpreter_pair.hpp"

#include "relacy/relacy_program.hpp"

#include "fixtures/broken_code_context.hpp"
#include "fixtures/broken_handle_cache.hpp"
#include "fixtures/broken_owner_tag.hpp"
#include "fixtures/broken_refcounted_deleter.hpp"
#include "ordercheck/code_context/reference.hpp"
#include "ordercheck/code_context/upstream.hpp"
#include "ordercheck/handle_cache/reference.hpp"
#include "ordercheck/handle_cache/upstream.hpp"
#include "ordercheck/owner_tag/reference.hpp"
#include "ordercheck/owner_tag/upstream.hpp"
#include "ordercheck/refcounted_deleter/reference.hpp"
#include "ordercheck/refcounted_deleter/upstream.hpp"
#include "subjects/code_context_spec.hpp"
#include "subjects/handle_cache_spec.hpp"
#include "subjects/owner_tag_spec.hpp"
#include "subjects/refcounted_deleter_spec.hpp"

namespace ordercheck::properties {
namespace {

using results::verdict;
using R = relacy_sync;

// The search bound: programs of 2 or 3 threads of up to 3 operations (after a
// prefix of at most 2), every interleaving with up to 2 preemptions. All 16
// cells together take about a second on 2 cores (README, "Properties layer"),
// so the bound is as wide as CI can afford, not as narrow as passes.
// Environment overrides for exploring further: ORDERCHECK_RELACY_PROGRAMS,
// ORDERCHECK_RELACY_CONTEXT_BOUND, ORDERCHECK_RELACY_MAX_THREADS (at most 4),
// ORDERCHECK_RELACY_MAX_OPERATIONS. Each is range-checked where it is read;
// relacy_cells() reads them all once, so a bad value is bad input (exit 2)
// before any cell runs.
unsigned setting(const char* name, unsigned fallback, unsigned min, unsigned max) {
  return static_cast<unsigned>(results::whole_number_from_environment(name, fallback, min, max));
}
program_shape relacy_shape() {
  // At most 4 threads: simulate_any_threads instantiates Relacy for 2 to 4.
  // At most 8 operations per thread: a bound on the interleavings of one
  // program, so one program cannot stall the layer; raise it here if needed.
  return {2, 2, setting("ORDERCHECK_RELACY_MAX_THREADS", 3, 2, 4),
          setting("ORDERCHECK_RELACY_MAX_OPERATIONS", 3, 1, 8)};
}
unsigned relacy_programs(unsigned fallback) { return setting("ORDERCHECK_RELACY_PROGRAMS", fallback, 1, 10'000'000); }
// Context bound 0 would explore no preemption: a check that cannot fail.
unsigned relacy_context_bound() { return setting("ORDERCHECK_RELACY_CONTEXT_BOUND", 2, 1, 64); }

template <class Spec, class System>
property_cell relacy_cell(std::string variant, std::string contract, std::vector<verdict> expected,
                          operation_menu menu = {}, std::string property = "linearizability") {
  property_cell cell;
  cell.subject = Spec::subject_name;
  cell.variant = variant;
  cell.contract = contract;
  cell.check = cell.subject + "/" + variant + "/" + contract + "/" + property + "/relacy";
  cell.engine = "rapidcheck+relacy";
  cell.expected = std::move(expected);
  cell.run = [menu](const cell_settings& settings) {
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
      outcome.observed = verdict::pass;
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
    return outcome;
  };
  return cell;
}

const std::vector<verdict> passes = {verdict::pass};
const std::vector<verdict> violates = {verdict::linearizability_violation};
const operation_menu agreed{true};
template <contract C>
using owner = owner_tag_spec::system<R, reference::owner_tag<R>, C>;
template <contract C>
using owner_upstream = owner_tag_spec::system<R, upstream::owner_tag<R>, C>;
template <contract C>
using cache = handle_cache_spec::system<R, reference::handle_cache<R>, C>;
template <contract C>
using cache_upstream = handle_cache_spec::system<R, upstream::handle_cache<R>, C>;
constexpr contract gil = contract::gil;
constexpr contract released = contract::gil_released_in_slow;
constexpr contract free_threaded = contract::free_threaded;

}  // namespace

std::vector<property_cell> relacy_cells() {
  // Bad overrides throw here, before any cell runs.
  static_cast<void>(relacy_shape());
  static_cast<void>(relacy_programs(1));
  static_cast<void>(relacy_context_bound());
  std::vector<property_cell> cells;
  cells.push_back(relacy_cell<owner_tag_spec, owner<free_threaded>>("reference", "free_threaded", passes));
  cells.push_back(relacy_cell<owner_tag_spec, owner_upstream<gil>>("upstream", "gil", passes, agreed));
  // Relacy sees the second plain store of the wrapper word race with the
  // first before the history is complete: the race is reported first.
  cells.push_back(relacy_cell<owner_tag_spec, owner_upstream<free_threaded>>(
      "upstream", "free_threaded", {verdict::data_race, verdict::linearizability_violation}, agreed, "two_wrappers"));
  cells.push_back(relacy_cell<owner_tag_spec, owner_tag_spec::system<R, fixtures::second_tag_overwrites<R>, free_threaded>>(
      "fixture", "free_threaded", violates, {}, "second_tag_overwrites"));
  cells.push_back(relacy_cell<handle_cache_spec, cache<free_threaded>>("reference", "free_threaded", passes));
  cells.push_back(relacy_cell<handle_cache_spec, cache<released>>("reference", "gil_released_in_slow", passes));
  cells.push_back(relacy_cell<handle_cache_spec, cache_upstream<gil>>("upstream", "gil", passes));
  cells.push_back(relacy_cell<handle_cache_spec, cache_upstream<released>>("upstream", "gil_released_in_slow", {verdict::assertion}));
  cells.push_back(relacy_cell<handle_cache_spec, cache_upstream<free_threaded>>(
      "upstream", "free_threaded", {verdict::data_race, verdict::assertion, verdict::linearizability_violation}));
  cells.push_back(relacy_cell<handle_cache_spec, handle_cache_spec::system<R, fixtures::never_caches<R>, free_threaded>>(
      "fixture", "free_threaded", violates, {}, "never_caches"));
  cells.push_back(relacy_cell<refcounted_deleter_spec, refcounted_deleter_spec::system<R, reference::refcounted_sharing<R>>>(
      "reference", "free_threaded", passes));
  cells.push_back(relacy_cell<refcounted_deleter_spec, refcounted_deleter_spec::system<R, upstream::refcounted_sharing<R>>>(
      "upstream", "free_threaded", {verdict::double_free, verdict::use_after_free, verdict::linearizability_violation},
      {}, "double_release"));
  cells.push_back(relacy_cell<refcounted_deleter_spec, refcounted_deleter_spec::system<R, fixtures::frees_early<R>>>(
      "fixture", "free_threaded", violates, {}, "frees_early"));
  cells.push_back(relacy_cell<code_context_spec, code_context_spec::system<R, reference::code_context_map<R>>>(
      "reference", "free_threaded", passes));
  cells.push_back(relacy_cell<code_context_spec, code_context_spec::system<R, upstream::code_context_map<R>>>(
      "upstream", "gil", violates, agreed, "lost_insert"));
  cells.push_back(relacy_cell<code_context_spec, code_context_spec::system<R, fixtures::get_always_creates<R>>>(
      "fixture", "free_threaded", violates, {}, "get_always_creates"));
  return cells;
}

}  // namespace ordercheck::properties
