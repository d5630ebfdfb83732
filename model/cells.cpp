#include "cells.hpp"

#include <stdexcept>

#include "ordercheck/subject/declaration.hpp"

namespace ordercheck::model {

std::vector<results::verdict> declared_verdicts(const std::string& cell_id,
                                                std::initializer_list<const char*> names) {
  return declaration::verdicts_of<results::verdict>(cell_id, names, &results::verdict_from_name);
}

run_settings proof_settings(const declaration::proof_search& proof) {
  run_settings s;
  s.scheduler = proof.full ? scheduler_kind::full : scheduler_kind::bound;
  if (!proof.full) s.context_bound = proof.context_bound;
  return s;
}

const std::vector<cell>& all_cells() {
  static const std::vector<cell> cells = [] {
    std::vector<cell> list;
    for (const declared_subject* subject : declaration::in_table_order(declared_subjects())) {
      subject->add_cells(list);
    }
    return list;
  }();
  return cells;
}

}  // namespace ordercheck::model
