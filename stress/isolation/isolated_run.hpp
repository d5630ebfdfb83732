// Runs one check in a child process (this same binary, in child mode) and
// turns what happened into one results record: the child's own outcome (an
// invariant failed, the watchdog saw a hang), ThreadSanitizer's reports
// (parsed from TSan's log files, TSAN_OPTIONS log_path), and how the child
// ended (a signal; glibc's "double free" abort).
//
// A child per run keeps a crash, a hang or a corrupted heap from taking the
// runner down, and gives every run a clean TSan state.
#pragma once

#include <string>

#include "checks/check.hpp"
#include "harness/stress_settings.hpp"
#include "result_record.hpp"

namespace ordercheck::stress {

struct isolated_run {
  results::record record;  // one run: observed, message, sites, interleaving
  bool found_by_sanitizer = false;
  bool found_by_invariant = false;  // an assert_that in the scenario or primitive
  bool found_by_crash = false;      // the child died (signal, glibc abort) or threw
  bool timed_out = false;
  // ThreadSanitizer's own text of the reports this run made (stacks, where
  // the memory was allocated, where the threads were created), exactly as
  // TSan wrote it; "" when it made none.
  std::string sanitizer_log;
  // Seconds of rounds before the round that found something began (all of
  // them when nothing was found; the child's own clock, so start-up and the
  // time TSan spends writing its report are left out), or the child's wall
  // time when it wrote no outcome or hung. The exposure of a detection-rate
  // measurement (check_budget.hpp).
  double exposure_seconds = 0;
};

// Runs `c` with `settings` by starting `executable --child-check ...`.
isolated_run run_isolated(const std::string& executable, const check& c, const stress_settings& settings);

// The engine's name in records: "tsan" in ThreadSanitizer builds, "threads" otherwise.
const char* engine_name();

// The command that replays a check with these settings.
std::string replay_command(const check& c, const stress_settings& settings);

// This process's executable (/proc/self/exe).
std::string current_executable();

}  // namespace ordercheck::stress
