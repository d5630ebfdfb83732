// A cell of the gate's verdict table: one scenario of one subject, variant and
// contract, with the verdicts it must produce, and a function that runs it
// under Relacy. This header does not include Relacy: the runner and the tests
// see cells only through it.
#pragma once

#include <string>
#include <vector>

#include "result_record.hpp"

namespace ordercheck::model {

enum class scheduler_kind { random, bound, full };

const char* scheduler_name(scheduler_kind kind);
// Throws std::invalid_argument naming the valid spellings.
scheduler_kind scheduler_from_name(const std::string& name);

// How one Relacy run explores a cell.
struct run_settings {
  scheduler_kind scheduler = scheduler_kind::random;
  unsigned long long iterations = 20000;  // random scheduler only
  unsigned context_bound = 2;             // context bound scheduler only
  // Random scheduler only. Relacy seeds execution i's choices with i, so the
  // seed picks which executions run: seed S runs S * seed_stride + 1 onwards.
  unsigned long long seed = 0;
  // Relacy's saved state of a failing execution (its final_state): when set,
  // the run re-executes exactly that execution and records its history.
  std::string replay_state;
};
inline constexpr unsigned long long seed_stride = 1000000;

// What one Relacy run produced, before it becomes a results::record.
struct engine_outcome {
  results::verdict observed = results::verdict::error;
  std::string engine_result;  // Relacy's own name: "DATA RACE", "SUCCESS", ...
  unsigned long long iterations = 0;  // executions explored
  std::string final_state;            // Relacy's state at the failing execution
  std::string history;                // Relacy's report text of the failing execution
  double wall_seconds = 0;
};

using cell_runner = engine_outcome (*)(const run_settings&);

struct cell {
  std::string subject;
  std::string variant;
  std::string contract;
  std::string scenario;
  std::string description;  // what the threads do, one sentence
  // Any of these is a genuine manifestation ({pass} for a clean cell).
  std::vector<results::verdict> expected;
  std::string expected_why;  // why exactly these kinds, one sentence
  // The widest search that proves a clean cell in CTest and that the deep
  // profile runs: full search where it completes, else a context bound.
  run_settings proof;
  // The context bound of the quick profile's second pass: 2, unless that
  // search takes more than a few seconds for this cell (see profiles.hpp).
  unsigned quick_context_bound = 2;
  cell_runner run = nullptr;

  std::string id() const { return subject + "/" + variant + "/" + contract + "/" + scenario; }
  bool expects(results::verdict v) const;
};

}  // namespace ordercheck::model
