// Generates parallel programs with rapidcheck, runs each one (a few times on
// real threads, or over all interleavings in Relacy), checks every history for
// linearizability, and shrinks the first failing program with rapidcheck's
// shrink tree until no smaller program fails.
//
// This is the parallel half of state testing that the packaged rapidcheck does
// not have: rapidcheck provides the generators and the shrink tree; the loop
// that runs a program many times and keeps the smallest failing one is ours.
#pragma once

#include <rapidcheck.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "checker.hpp"
#include "history_report.hpp"
#include "parallel_program.hpp"
#include "real_thread_runner.hpp"

namespace ordercheck::properties {

enum class failure_kind { linearizability_violation, assertion };

inline const char* failure_kind_name(failure_kind k) {
  return k == failure_kind::assertion ? "assertion" : "linearizability_violation";
}

struct program_failure {
  failure_kind kind = failure_kind::linearizability_violation;
  recorded_history history;
  check_outcome outcome;
  unsigned run = 0;  // which run of the program failed (1-based)
  // Set when an engine stopped the run before its history was complete (a
  // data race, a double free, ... found by Relacy): the engine's verdict name
  // and its own report, which replace `kind` and the history in reports.
  std::string engine_verdict;
  std::string engine_report;
  // The engine's own step-by-step history of the failing run (Relacy's text,
  // with addresses and absolute paths): not for reading as is; the Relacy
  // cells parse it into the record's interleaving and sites.
  std::string engine_history;
};

// Runs one program (however the caller likes) and reports its first failure.
using program_trial = std::function<std::optional<program_failure>(const parallel_program&)>;

// A failing history is an assertion failure when one of its operations hit a
// failed internal assertion; otherwise the history has no legal linearization.
inline failure_kind classify(const recorded_history& h) {
  for (const auto& r : h)
    if (r.output.kind == observation_kind::assertion) return failure_kind::assertion;
  return failure_kind::linearizability_violation;
}

// Runs `program` `runs` times on real threads; checks each history.
template <class Spec, class System>
std::optional<program_failure> try_on_threads(const parallel_program& program, unsigned runs) {
  for (unsigned run = 1; run <= runs; ++run) {
    recorded_history h = run_on_threads<System>(program);
    check_outcome outcome = check_linearizable<typename Spec::model>(h);
    if (!outcome.linearizable) return program_failure{classify(h), std::move(h), std::move(outcome), run, {}, {}, {}};
  }
  return std::nullopt;
}

struct search_settings {
  std::uint64_t seed = 1;
  unsigned programs = 100;          // programs generated
  int size = 100;                   // rapidcheck's size parameter
  unsigned max_shrink_trials = 300; // programs re-run while shrinking
};

struct search_result {
  unsigned programs_tried = 0;
  std::optional<parallel_program> original;  // the first failing program
  std::optional<parallel_program> minimal;   // after shrinking
  std::optional<program_failure> failure;    // of the minimal program
  unsigned shrink_steps = 0;                 // accepted shrinks
  unsigned shrink_trials = 0;                // programs re-run while shrinking
  double wall_seconds = 0;
};

inline search_result search_counterexample(const rc::Gen<parallel_program>& gen,
                                           const program_trial& trial,
                                           const search_settings& settings) {
  const auto start = std::chrono::steady_clock::now();
  search_result result;
  rc::Random random(settings.seed);
  for (unsigned i = 0; i < settings.programs; ++i) {
    rc::Random here = random.split();
    // Grow the size as rapidcheck does, so early programs are small.
    const int size = static_cast<int>(settings.size * (i + 1) / settings.programs);
    rc::Shrinkable<parallel_program> candidate = gen(here, size);
    ++result.programs_tried;
    std::optional<program_failure> failure = trial(candidate.value());
    if (!failure) continue;
    result.original = candidate.value();
    // Depth-first shrinking: take the first shrink that still fails, repeat.
    bool progressed = true;
    while (progressed && result.shrink_trials < settings.max_shrink_trials) {
      progressed = false;
      rc::Seq<rc::Shrinkable<parallel_program>> shrinks = candidate.shrinks();
      while (rc::Maybe<rc::Shrinkable<parallel_program>> next = shrinks.next()) {
        if (result.shrink_trials >= settings.max_shrink_trials) break;
        ++result.shrink_trials;
        if (std::optional<program_failure> smaller = trial(next->value())) {
          candidate = *next;
          failure = std::move(smaller);
          ++result.shrink_steps;
          progressed = true;
          break;
        }
      }
    }
    result.minimal = candidate.value();
    result.failure = std::move(failure);
    break;
  }
  result.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

// The report a person reads first: the minimal program, then its history.
template <class Spec>
std::string describe_failure(const search_result& r) {
  if (!r.failure) return "no failing program found";
  const std::string kind =
      r.failure->engine_verdict.empty() ? failure_kind_name(r.failure->kind) : r.failure->engine_verdict;
  std::string out = kind + " in the minimal program (" +
                    std::to_string(r.shrink_steps) + " shrinks from the first failing one, run " +
                    std::to_string(r.failure->run) + " of it):\n";
  out += describe_program<Spec>(*r.minimal);
  if (!r.failure->engine_report.empty()) return out + r.failure->engine_report;
  out += describe_history<Spec>(r.failure->history, r.failure->outcome);
  return out;
}

}  // namespace ordercheck::properties
