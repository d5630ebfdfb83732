#include "shard.hpp"

#include <cstdlib>
#include <string>

#include "bad_input.hpp"

namespace ordercheck::model {
namespace {

std::size_t number_from(const char* name, const char* text) {
  std::size_t used = 0;
  unsigned long value = 0;
  try {
    value = std::stoul(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || text[used] != '\0') {
    throw bad_input(std::string(name) + "='" + text + "' is not a whole number; unset it or set a number");
  }
  return value;
}

}  // namespace

shard shard_from_environment() {
  const char* total = std::getenv("GTEST_TOTAL_SHARDS");
  const char* index = std::getenv("GTEST_SHARD_INDEX");
  shard s;
  if (total == nullptr && index == nullptr) return s;
  if (total == nullptr || index == nullptr) {
    throw bad_input("set both GTEST_TOTAL_SHARDS and GTEST_SHARD_INDEX, or neither");
  }
  s.total = number_from("GTEST_TOTAL_SHARDS", total);
  s.index = number_from("GTEST_SHARD_INDEX", index);
  if (s.total == 0 || s.index >= s.total) {
    throw bad_input("GTEST_SHARD_INDEX must be below GTEST_TOTAL_SHARDS (which must be at least 1)");
  }
  return s;
}

}  // namespace ordercheck::model
