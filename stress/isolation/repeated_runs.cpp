#include "repeated_runs.hpp"

#include <cstdio>

#include "harness/sanitizer_stop.hpp"

namespace ordercheck::stress {

results::record run_repeatedly(const std::string& executable, const check& c, const stress_settings& settings,
                               unsigned runs, const std::function<void(unsigned, unsigned)>& on_run) {
  std::vector<isolated_run> done;
  for (unsigned i = 0; i < runs; ++i) {
    if (on_run) on_run(i, runs);
    stress_settings run_settings = settings;
    run_settings.seed = settings.seed + i;
    done.push_back(run_isolated(executable, c, run_settings));
  }
  return fold_runs(c, settings, done);
}

const isolated_run* first_finding(const std::vector<isolated_run>& runs) {
  for (const isolated_run& run : runs) {
    if (run.record.observed != results::verdict::pass) return &run;
  }
  return nullptr;
}

results::record fold_runs(const check& c, const stress_settings& settings, const std::vector<isolated_run>& runs) {
  detection_counts counts;
  std::optional<results::record> first_found;
  if (const isolated_run* found = first_finding(runs)) first_found = found->record;
  unsigned long long rounds = 0;
  double wall_seconds = 0;
  for (const isolated_run& run : runs) {
    ++counts.runs;
    rounds += run.record.iterations;
    wall_seconds += run.record.wall_seconds;
    counts.exposure_seconds += run.exposure_seconds;
    if (run.record.observed != results::verdict::pass) ++counts.found;
    counts.found_by_sanitizer += run.found_by_sanitizer ? 1 : 0;
    counts.found_by_invariant += run.found_by_invariant ? 1 : 0;
    counts.found_by_crash += run.found_by_crash ? 1 : 0;
    counts.timed_out += run.timed_out ? 1 : 0;
  }
  const results::record& last = runs.back().record;
  // The seed of the first run that found something replays it; else the first seed.
  results::record r = first_found ? *first_found : last;
  if (!first_found) {
    r.seed = settings.seed;
    r.replay.token = "seed=" + std::to_string(settings.seed);
    r.replay.command = replay_command(c, settings);
  }
  r.iterations = rounds;
  r.wall_seconds = wall_seconds;
  r.engine_settings = {
      {"threads", settings.threads},
      {"rounds_limit", settings.rounds},
      {"seconds_per_run", settings.seconds},
      {"hang_seconds", settings.hang_seconds},
      {"first_seed", settings.seed},
      {"runs", counts.runs},
      {"found", counts.found},
      {"found_by_sanitizer", counts.found_by_sanitizer},
      {"found_by_invariant", counts.found_by_invariant},
      {"found_by_crash", counts.found_by_crash},
      {"timed_out", counts.timed_out},
      {"exposure_seconds", counts.exposure_seconds},
      {"sanitizer", built_with_thread_sanitizer() ? "thread" : "none"},
#if defined(__clang__)
      {"compiler", "clang " __clang_version__},
#else
      {"compiler", "gcc " __VERSION__},
#endif
  };
  char rate[160];
  std::snprintf(rate, sizeof rate, "found in %u/%u runs (ThreadSanitizer %u, invariant %u, crash %u, hang %u)",
                counts.found, counts.runs, counts.found_by_sanitizer, counts.found_by_invariant, counts.found_by_crash,
                counts.timed_out);
  // One run: its own message; several: the rate first.
  if (runs.size() > 1) r.message = std::string(rate) + (first_found ? "; first: " + first_found->message : "; " + last.message);
  return r;
}

detection_counts counts_of(const results::record& r) {
  detection_counts counts;
  const auto& s = r.engine_settings;
  counts.runs = s.value("runs", 0u);
  counts.found = s.value("found", 0u);
  counts.found_by_sanitizer = s.value("found_by_sanitizer", 0u);
  counts.found_by_invariant = s.value("found_by_invariant", 0u);
  counts.found_by_crash = s.value("found_by_crash", 0u);
  counts.timed_out = s.value("timed_out", 0u);
  counts.exposure_seconds = s.value("exposure_seconds", 0.0);
  return counts;
}

}  // namespace ordercheck::stress
