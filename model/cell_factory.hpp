// The model layer's declarer: turns a subject's declaration
// (impl/ordercheck/<subject>/subject.hpp) into cells, one per model_cell, whose
// run function is run_in_relacy of that instance. Included only by the
// generated per-subject translation units (subject_cells.cpp.in): it brings in
// Relacy.
#pragma once

#include "relacy_engine.hpp"

#include <string>
#include <vector>

#include "cells.hpp"
#include "ordercheck/subject/declaration.hpp"
#include "ordercheck/subject/property_cells.hpp"

namespace ordercheck::model {

class model_declarer {
 public:
  model_declarer(const char* subject, std::vector<cell>& cells) : subject_(subject), cells_(cells) {}

  template <class Instance>
  void model_cell(const declaration::model_cell& declared) {
    using scenario = typename Instance::template with<relacy_sync>;
    cell c;
    c.subject = subject_;
    c.variant = Instance::variant_name;
    c.contract = Instance::contract_name;
    c.scenario = scenario::name;
    c.description = declared.description;
    c.expected = declared_verdicts(c.id(), declared.expected);
    c.expected_why = declared.why;
    c.proof = proof_settings(declared.proof);
    c.quick_context_bound = declared.quick_context_bound;
    c.run = &run_in_relacy<scenario>;
    cells_.push_back(std::move(c));
  }

  // The other layers' declarations: nothing to run here.
  void stress_expectation(const declaration::stress_expectation&) {}
  template <class Instances>
  void stress_scenario(const declaration::stress_scenario&) {}
  template <class Instances>
  void stress_mix(const declaration::stress_mix&) {}
  template <class System>
  void property_cell(const properties::declared_cell&) {}

 private:
  const char* subject_;
  std::vector<cell>& cells_;
};

}  // namespace ordercheck::model
