#include "cells.hpp"

#include <algorithm>
#include <stdexcept>

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

const std::vector<cell>& all_cells() {
  static const std::vector<cell> cells = [] {
    std::vector<cell> list;
    add_owner_tag_cells(list);
    add_handle_cache_cells(list);
    add_refcounted_deleter_cells(list);
    add_code_context_cells(list);
    return list;
  }();
  return cells;
}

}  // namespace ordercheck::model
