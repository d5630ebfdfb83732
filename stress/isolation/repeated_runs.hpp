// Runs one check several times (seeds S, S+1, ...) and folds the runs into
// one record: the detection-rate measurement. The record's observed verdict
// is the first defect any run found (pass when none did); its message and
// engine settings say in how many runs it was found, and by what
// (ThreadSanitizer, an invariant check, a crash).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "isolated_run.hpp"

namespace ordercheck::stress {

struct detection_counts {
  unsigned runs = 0;
  unsigned found = 0;  // runs whose verdict was not pass
  unsigned found_by_sanitizer = 0;
  unsigned found_by_invariant = 0;
  unsigned found_by_crash = 0;
  unsigned timed_out = 0;
  double exposure_seconds = 0;  // summed over the runs (isolated_run::exposure_seconds)
};

// The first run that found something (its record is the folded record's
// finding), or nullptr when every run passed.
const isolated_run* first_finding(const std::vector<isolated_run>& runs);

// Folds the runs of one check (seeds S, S+1, ... in that order; `settings`
// has seed S) into one record. `runs` must not be empty.
results::record fold_runs(const check& c, const stress_settings& settings, const std::vector<isolated_run>& runs);

// The same, one run after another in this thread. `on_run(index, runs)` is
// called before each run (for progress lines).
results::record run_repeatedly(const std::string& executable, const check& c, const stress_settings& settings,
                               unsigned runs, const std::function<void(unsigned, unsigned)>& on_run = {});

// Reads the counts back from a record made by run_repeatedly.
detection_counts counts_of(const results::record& r);

}  // namespace ordercheck::stress
