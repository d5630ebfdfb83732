// The cell registry: every cell of the verdict table, in a fixed order (the
// order --list prints and sharding counts in): the subjects by their declared
// table_row, each subject's cells in its declaration's order.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "cell.hpp"
#include "ordercheck/subject/declaration.hpp"

namespace ordercheck::model {

// Every declared cell. Throws declaration::declaration_error (an
// std::invalid_argument) when a declaration is wrong: a misspelt verdict, an
// empty expectation, two subjects on one table row.
const std::vector<cell>& all_cells();

// One subject found under impl/ordercheck/*/subject.hpp. model/CMakeLists.txt
// generates one translation unit per subject from subject_cells.cpp.in
// (Relacy instantiations compile slowly; subjects build in parallel, and adding
// one compiles only its own) and the list of them (declared_subjects.cpp.in).
struct declared_subject {
  const char* name;
  int table_row;
  void (*add_cells)(std::vector<cell>& cells);
};
const std::vector<const declared_subject*>& declared_subjects();

// Verdict names of a declaration as the results schema's verdicts; `cell_id`
// names the cell in the declaration_error thrown for a misspelt or empty list.
std::vector<results::verdict> declared_verdicts(const std::string& cell_id,
                                                std::initializer_list<const char*> names);

// A declaration's proof search as run settings.
run_settings proof_settings(const declaration::proof_search& proof);

}  // namespace ordercheck::model
