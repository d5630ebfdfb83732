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

// The four cells of a scenario that runs under gil and free_threaded: the
// reference must pass, the upstream variant must give `upstream_expected`.
// The free-threaded cells are proved with `proof`, the gil cells with
// `gil_proof` (the GILs' lock steps can make full search too large).
template <template <class, variant, contract> class Scenario>
void add_gil_and_free_threaded(std::vector<cell>& cells, const char* subject, const char* description,
                               const std::vector<results::verdict>& upstream_expected,
                               const char* upstream_why, const run_settings& proof,
                               const run_settings& gil_proof) {
  constexpr const char* reference_why = "the reference is correct with or without a GIL";
  cells.push_back(make_cell<Scenario, variant::reference, contract::gil>(
      {subject, description, clean, reference_why, gil_proof}));
  cells.push_back(make_cell<Scenario, variant::reference, contract::free_threaded>(
      {subject, description, clean, reference_why, proof}));
  cells.push_back(make_cell<Scenario, variant::upstream, contract::gil>(
      {subject, description, upstream_expected, upstream_why, gil_proof}));
  cells.push_back(make_cell<Scenario, variant::upstream, contract::free_threaded>(
      {subject, description, upstream_expected, upstream_why, proof}));
}

}  // namespace ordercheck::model
