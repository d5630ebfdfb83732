// Helpers the model tests share: cell lookup and readable test names.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cells.hpp"

namespace ordercheck::model::testing {

inline const cell& find_cell(const std::string& id) {
  for (const auto& c : all_cells()) {
    if (c.id() == id) return c;
  }
  throw std::invalid_argument("no cell " + id);
}

inline std::vector<const cell*> cells_where(bool (*keep)(const cell&)) {
  std::vector<const cell*> out;
  for (const auto& c : all_cells()) {
    if (keep(c)) out.push_back(&c);
  }
  return out;
}

inline bool expects_failure(const cell& c) { return !c.expects(results::verdict::pass); }
inline bool is_reference(const cell& c) { return c.variant == "reference"; }

// "handle_cache/upstream/gil/two_claimants" -> "handle_cache_upstream_gil_two_claimants"
inline std::string test_name(const ::testing::TestParamInfo<const cell*>& info) {
  std::string name = info.param->id();
  for (char& ch : name) {
    if (ch == '/') ch = '_';
  }
  return name;
}

}  // namespace ordercheck::model::testing
