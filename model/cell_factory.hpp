// Builds cells from scenario templates: one cell per (scenario, variant,
// contract), whose run function is run_in_relacy of that instantiation.
// Included only by the cells_*.cpp files (it brings in Relacy).
#pragma once

#include "relacy_engine.hpp"

#include <utility>
#include <vector>

#include "ordercheck/scenarios/scenario.hpp"

namespace ordercheck::model {

// The proofs a cell can ask for (see cell::proof).
inline run_settings full_search() {
  run_settings s;
  s.scheduler = scheduler_kind::full;
  return s;
}
inline run_settings context_bound(unsigned bound) {
  run_settings s;
  s.scheduler = scheduler_kind::bound;
  s.context_bound = bound;
  return s;
}

struct cell_spec {
  const char* subject;
  const char* description;
  std::vector<results::verdict> expected;
  const char* expected_why;
  run_settings proof;
  unsigned quick_context_bound = 2;
};

template <template <class, variant, contract> class Scenario, variant V, contract C>
cell make_cell(cell_spec spec) {
  using instance = Scenario<relacy_sync, V, C>;
  cell c;
  c.subject = spec.subject;
  c.variant = variant_name(V);
  c.contract = contract_name(C);
  c.scenario = instance::name;
  c.description = spec.description;
  c.expected = std::move(spec.expected);
  c.expected_why = spec.expected_why;
  c.proof = spec.proof;
  c.quick_context_bound = spec.quick_context_bound;
  c.run = &run_in_relacy<instance>;
  return c;
}

inline const std::vector<results::verdict> clean = {results::verdict::pass};

}  // namespace ordercheck::model
