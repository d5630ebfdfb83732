// GoogleTest's sharding protocol, which CTest and CI runners speak:
// GTEST_TOTAL_SHARDS and GTEST_SHARD_INDEX select every total-th cell.
#pragma once

#include <cstddef>

namespace ordercheck::model {

struct shard {
  std::size_t total = 1;
  std::size_t index = 0;
};

// Throws std::invalid_argument (one line) when the variables are set but not
// a valid shard (results::shard_from_environment).
shard shard_from_environment();

}  // namespace ordercheck::model
