// GoogleTest-style sharding for the runner: GTEST_TOTAL_SHARDS and
// GTEST_SHARD_INDEX pick every total-th check, starting at index.
#pragma once

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

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

// nullopt when neither variable is set; `error` names a bad value.
inline std::optional<shard_selection> shard_from_environment(std::string& error) {
  const char* total = std::getenv("GTEST_TOTAL_SHARDS");
  const char* index = std::getenv("GTEST_SHARD_INDEX");
  if (total == nullptr && index == nullptr) return std::nullopt;
  if (total == nullptr || index == nullptr) {
    error = "set both GTEST_TOTAL_SHARDS and GTEST_SHARD_INDEX, or neither";
    return std::nullopt;
  }
  char* end = nullptr;
  const unsigned long t = std::strtoul(total, &end, 10);
  if (*total == '\0' || *end != '\0' || t == 0) {
    error = std::string("GTEST_TOTAL_SHARDS must be a positive integer, not '") + total + "'";
    return std::nullopt;
  }
  const unsigned long i = std::strtoul(index, &end, 10);
  if (*index == '\0' || *end != '\0' || i >= t) {
    error = std::string("GTEST_SHARD_INDEX must be an integer below GTEST_TOTAL_SHARDS, not '") + index + "'";
    return std::nullopt;
  }
  return shard_selection{static_cast<unsigned>(t), static_cast<unsigned>(i)};
}

}  // namespace ordercheck::stress
