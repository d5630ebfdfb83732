// Numbers that set a bound (seeds, seconds, counts, shard settings), read from
// the command line or the environment and range-checked where they are read:
// one place decides what a well-formed number is, so no runner wraps "-1" to
// 18446744073709551615, reads "abc" as 0 or runs "nan" seconds.
#pragma once

#include <string>

namespace ordercheck::results {

// The whole decimal number `text` if it lies in [min, max]: digits only (no
// sign, no spaces, no exponent), no wrap. Throws std::invalid_argument with
// one line naming `name`, the text and the range.
unsigned long long parse_whole_number(const std::string& name, const std::string& text,
                                      unsigned long long min, unsigned long long max);

// A finite number of seconds in (0, max]. Throws std::invalid_argument as above.
double parse_seconds(const std::string& name, const std::string& text, double max);

// The environment variable `name` as parse_whole_number reads it, or
// `fallback` when it is unset. Throws std::invalid_argument as above.
unsigned long long whole_number_from_environment(const char* name, unsigned long long fallback,
                                                 unsigned long long min, unsigned long long max);

// GoogleTest-style sharding: GTEST_TOTAL_SHARDS (at least 1) and
// GTEST_SHARD_INDEX (below the total), both or neither. Throws
// std::invalid_argument saying which is wrong.
struct shard_setting {
  unsigned long long total = 1;
  unsigned long long index = 0;
  bool from_environment = false;
};
shard_setting shard_from_environment();

}  // namespace ordercheck::results
