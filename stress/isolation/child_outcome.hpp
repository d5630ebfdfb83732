// What a child process reports about the check it ran in-process: the
// harness's verdict (pass, assertion, crash, or timeout from the watchdog),
// with its message and counts. ThreadSanitizer's reports travel separately,
// in TSan's own log files, and the parent combines both (isolated_run.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "harness/round_runner.hpp"
#include "result_record.hpp"

namespace ordercheck::stress {

struct child_outcome {
  results::verdict verdict = results::verdict::error;
  std::string message;
  std::uint64_t rounds = 0;
  double wall_seconds = 0;
  double seconds_before_finding = 0;  // run_summary::seconds_before_finding
  bool stopped_by_sanitizer_report = false;
};

child_outcome outcome_of(const run_summary& summary);
// A hang; when a thread failed first, its failure is the verdict and the
// hang is noted in the message.
child_outcome hang_outcome(const std::string& description, const std::optional<round_failure>& earlier_failure);

// Written atomically, so a parent never reads half an outcome.
void write_child_outcome(const std::string& path, const child_outcome& outcome);
// Throws std::runtime_error when the file is missing or malformed.
child_outcome read_child_outcome(const std::string& path);

}  // namespace ordercheck::stress
