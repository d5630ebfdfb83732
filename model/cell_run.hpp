// Runs a cell's passes and turns what Relacy found into one results::record
// (DESIGN.md's schema): verdict, sites, the failing interleaving as steps, and
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

// Runs `passes` in order, stopping at the first failure.
cell_run_result run_cell(const cell& c, const std::vector<run_settings>& passes,
                         const std::string& profile);

// Re-runs the one execution saved in settings.replay_state.
cell_run_result replay_cell(const cell& c, const run_settings& settings);

}  // namespace ordercheck::model
