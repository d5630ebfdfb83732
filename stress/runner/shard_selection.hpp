// GoogleTest-style sharding for the runner: GTEST_TOTAL_SHARDS and
// GTEST_SHARD_INDEX pick every total-th check, starting at index.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "bounded_number.hpp"

namespace ordercheck::stress {

struct shard_selection {
  unsigned total = 1;
  unsigned index = 0;

  template <class T>
  std::vector<T> select(const std::vector<T>& all) const {
    std::vector<T> mine;
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (i % total == index) mine.push_back(all[i]);
    }
    return mine;
  }
};

// nullopt when neither variable is set; `error` names a bad value
// (results::shard_from_environment does the range checks).
inline std::optional<shard_selection> shard_from_environment(std::string& error) {
  try {
    const results::shard_setting s = results::shard_from_environment();
    if (!s.from_environment) return std::nullopt;
    return shard_selection{static_cast<unsigned>(s.total), static_cast<unsigned>(s.index)};
  } catch (const std::invalid_argument& e) {
    error = e.what();
    return std::nullopt;
  }
}

}  // namespace ordercheck::stress
