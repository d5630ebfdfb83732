#include "cells/property_cell.hpp"

#include <algorithm>

namespace ordercheck::properties {

bool expected_contains(const property_cell& cell, results::verdict v) {
  return std::find(cell.expected.begin(), cell.expected.end(), v) != cell.expected.end();
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
  r.observed = outcome.observed;
  r.message = outcome.message;
  r.scenario = outcome.scenario;
  r.seed = settings.seed;
  r.iterations = outcome.iterations;
  r.wall_seconds = outcome.wall_seconds;
  r.replay.command = "ordercheck-properties --run '" + cell.check + "' --seed " + std::to_string(settings.seed);
  return r;
}

}  // namespace ordercheck::properties
