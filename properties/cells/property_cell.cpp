#include "cells/property_cell.hpp"

#include <algorithm>

namespace ordercheck::properties {

bool expected_contains(const property_cell& cell, results::verdict v) {
  return std::find(cell.expected.begin(), cell.expected.end(), v) != cell.expected.end();
}

std::vector<property_cell> all_property_cells() {
  std::vector<property_cell> cells = real_thread_cells();
  for (auto& cell : relacy_cells()) cells.push_back(std::move(cell));
  return cells;
}

results::record to_record(const property_cell& cell, const cell_settings& settings,
                          const cell_outcome& outcome) {
  results::record r;
  r.check = cell.check;
  r.subject = cell.subject;
  r.variant = cell.variant;
  r.contract = cell.contract;
  r.layer = "property";
  r.engine = cell.engine;
  r.engine_settings = {{"programs", settings.programs},
                       {"runs_per_program", settings.runs_per_program},
                       {"programs_tried", outcome.programs},
                       {"shrink_steps", outcome.shrink_steps},
                       {"probabilistic", cell.probabilistic}};
  r.expected = cell.expected;
  // Real threads and a race: a miss is luck, not a regression. The record
  // accepts pass too, says so in its settings, and the model-checking cell of
  // the same defect carries the strict expectation.
  if (cell.probabilistic && !expected_contains(cell, results::verdict::pass)) {
    r.expected.push_back(results::verdict::pass);
  }
  r.observed = outcome.observed;
  r.message = outcome.message;
  r.scenario = outcome.scenario;
  r.interleaving = outcome.interleaving;
  r.sites = outcome.sites;
  r.seed = settings.seed;
  r.iterations = outcome.iterations;
  r.wall_seconds = outcome.wall_seconds;
  r.replay.command = "ordercheck-properties --run '" + cell.check + "' --seed " + std::to_string(settings.seed);
  return r;
}

}  // namespace ordercheck::properties
