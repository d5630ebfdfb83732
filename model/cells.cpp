#include "cells.hpp"

#include <algorithm>
#include <stdexcept>

#include "ordercheck/subject/declaration.hpp"

namespace ordercheck::model {

const char* scheduler_name(scheduler_kind kind) {
  switch (kind) {
    case scheduler_kind::random: return "random";
    case scheduler_kind::bound: return "bound";
    case scheduler_kind::full: return "full";
  }
  return "?";
}

scheduler_kind scheduler_from_name(const std::string& name) {
  if (name == "random") return scheduler_kind::random;
  if (name == "bound") return scheduler_kind::bound;
  if (name == "full") return scheduler_kind::full;
  throw std::invalid_argument("unknown scheduler '" + name + "': use random, bound or full");
}

bool cell::expects(results::verdict v) const {
  return std::find(expected.begin(), expected.end(), v) != expected.end();
}

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
