// Runs a cell's passes and turns what Relacy found into one results::record
// (docs/design.md's schema): verdict, sites, the failing interleaving as steps, and
// a replay token. Also collects the atomic sites the runs reached.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "cell.hpp"
#include "result_record.hpp"

namespace ordercheck::model {

struct reached_site {
  std::string site;  // path:line:operation
  std::string declared_order;
  std::string subject;
  std::string variant;
};

struct cell_run_result {
  results::record record;
  std::vector<reached_site> reached;
  std::string history;  // Relacy's own text of the failing execution (empty on a pass)
};

// The order overrides currently installed (site_overrides), as the record's
// mutations and the replay token's.
std::vector<std::pair<std::string, std::string>> installed_mutations();

// What run_cell does after a failure, besides recording it.
struct failure_options {
  // Search again with context bounds 0, 1, 2 and report the simplest failing
  // schedule (cell_run.cpp, find_simplest_schedule).
  bool simplest_schedule = true;
  // Search single-site memory-order repairs (fix_search.hpp): automatic =
  // for a data race or use after free that fails the gate in a run without
  // --mutate overrides (with overrides, a failure is the expected kill of a
  // mutant, and the orders layer runs thousands of them).
  enum class fix_mode { automatic, always, never } fix = fix_mode::automatic;
};

// The record's fields that come from the cell alone (check, expected verdicts,
// scenario, installed mutations), before any run: observed is still error.
results::record base_record(const cell& c);

// Runs `passes` in order, stopping at the first failure.
cell_run_result run_cell(const cell& c, const std::vector<run_settings>& passes,
                         const std::string& profile, const failure_options& options = {});

// Re-runs the one execution saved in settings.replay_state.
cell_run_result replay_cell(const cell& c, const run_settings& settings);

}  // namespace ordercheck::model
