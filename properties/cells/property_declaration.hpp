// The properties layer's side of the subjects' declarations: a declared
// cell (impl/ordercheck/subject/property_cells.hpp, written in a subject's
// subject.hpp, or in its optional properties/spec.hpp when its spec writes
// its own rapidcheck generators) made into a runnable property_cell, and the
// list of subjects the layer found.
//
// Each cell names its engine: the real-thread declarer (cells/real_thread_
// declarer.hpp, every preset) builds the real_threads cells, the Relacy
// declarer (relacy/relacy_declarer.hpp, the model build) the relacy ones, and
// each skips the other's. No silent defaults: a cell with no expected verdict
// or a misspelt one is a declaration_error naming the subject and the cell
// (the runner exits 2).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "cells/property_cell.hpp"
#include "linearizability/parallel_program.hpp"
#include "ordercheck/subject/declaration.hpp"
#include "ordercheck/subject/property_cells.hpp"

namespace ordercheck::properties {

// A property_cell with every field but `run` filled from the declaration:
// check = subject/variant/contract/property + check_suffix. Throws
// declaration::declaration_error (naming the cell) for an empty or misspelt
// expected list.
property_cell declared_property_cell(const char* subject, const declared_cell& declared,
                                     const std::string& check_suffix, const char* engine);

// The model and stress layers' declarations, which a properties declarer
// skips: a subject's declare(d) calls them beside its property cells.
struct skips_model_and_stress {
  template <class Instance>
  void model_cell(const declaration::model_cell&) {}
  void stress_expectation(const declaration::stress_expectation&) {}
  template <class Instances>
  void stress_scenario(const declaration::stress_scenario&) {}
  template <class Instances>
  void stress_mix(const declaration::stress_mix&) {}
};

// The subjects a layer found (cmake/subjects.cmake writes the list).
struct declared_subject {
  const char* name;
  int table_row;
  void (*declare)(std::vector<property_cell>& cells);  // appends its cells; may throw declaration_error
};

// Every declared subject's cells, subjects in table_row order. Throws
// declaration::declaration_error for a bad declaration.
std::vector<property_cell> cells_of(const std::vector<const declared_subject*>& subjects);

}  // namespace ordercheck::properties
