// A property cell: one check of the properties layer (subject x variant x
// contract x property), with its expected verdicts, run by the tests and by
// ordercheck-properties alike, and reported as a results::record.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "result_record.hpp"

namespace ordercheck::properties {

struct cell_settings {
  std::uint64_t seed = 1;
  unsigned programs = 100;         // parallel programs generated
  unsigned runs_per_program = 20;  // real-thread runs of each program
};

struct cell_outcome {
  results::verdict observed = results::verdict::error;
  std::string message;   // one line
  std::string scenario;  // the minimal program and its history, when it failed
  // The failing run step by step and the sites it names, in the schema's
  // words (Relacy cells only: real threads record no interleaving).
  std::vector<results::step> interleaving;
  std::vector<results::site> sites;
  // The engine's own text of that run (Relacy's history: addresses, mangled
  // names, absolute paths). Not in the record: reports show `interleaving`.
  std::string engine_history;
  unsigned programs = 0;
  unsigned shrink_steps = 0;
  unsigned long long iterations = 0;  // program runs (or executions)
  double wall_seconds = 0;
};

struct property_cell {
  std::string check;  // subject/variant/contract/property, unique
  std::string subject;
  std::string variant;  // reference, upstream, or fixture
  std::string contract;
  std::string engine;  // "rapidcheck" or "rapidcheck+relacy"
  std::vector<results::verdict> expected;
  std::string why;  // why exactly these verdicts (the subject's declaration says)
  // Real threads and a race: whether it is found depends on the machine's
  // scheduling; its rate is measured, and a miss is not a failure of the gate.
  bool probabilistic = false;
  std::function<cell_outcome(const cell_settings&)> run;
};

// The cells that run on real threads (built in every preset with properties),
// as each subject declares them (cells/property_declaration.hpp).
std::vector<property_cell> real_thread_cells();
// The cells that run programs inside Relacy (model builds only; empty otherwise).
std::vector<property_cell> relacy_cells();
// Both.
std::vector<property_cell> all_property_cells();

// Turns a cell and its outcome into the schema's record.
results::record to_record(const property_cell& cell, const cell_settings& settings,
                          const cell_outcome& outcome);

bool expected_contains(const property_cell& cell, results::verdict v);

}  // namespace ordercheck::properties
