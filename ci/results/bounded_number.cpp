#include "bounded_number.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <stdexcept>

namespace ordercheck::results {
namespace {

[[noreturn]] void refuse(const std::string& name, const std::string& text, const std::string& wanted) {
  throw std::invalid_argument(name + " must be " + wanted + ", not '" + text + "'");
}

std::string range_text(unsigned long long min, unsigned long long max) {
  return "a whole number from " + std::to_string(min) + " to " + std::to_string(max);
}

}  // namespace

unsigned long long parse_whole_number(const std::string& name, const std::string& text,
                                      unsigned long long min, unsigned long long max) {
  if (text.empty() || text.size() > 20 || text.find_first_not_of("0123456789") != std::string::npos) {
    refuse(name, text, range_text(min, max));
  }
  errno = 0;
  const unsigned long long value = std::strtoull(text.c_str(), nullptr, 10);
  if (errno == ERANGE || value < min || value > max) refuse(name, text, range_text(min, max));
  return value;
}

double parse_seconds(const std::string& name, const std::string& text, double max) {
  const std::string wanted = "a number of seconds above 0 and at most " + std::to_string(max);
  if (text.empty() || text.find_first_not_of("0123456789.eE+-") != std::string::npos) refuse(name, text, wanted);
  char* end = nullptr;
  errno = 0;
  const double value = std::strtod(text.c_str(), &end);
  if (*end != '\0' || errno == ERANGE || !std::isfinite(value) || !(value > 0) || value > max) {
    refuse(name, text, wanted);
  }
  return value;
}

unsigned long long whole_number_from_environment(const char* name, unsigned long long fallback,
                                                 unsigned long long min, unsigned long long max) {
  const char* text = std::getenv(name);
  if (text == nullptr) return fallback;
  return parse_whole_number(name, text, min, max);
}

shard_setting shard_from_environment() {
  const char* total = std::getenv("GTEST_TOTAL_SHARDS");
  const char* index = std::getenv("GTEST_SHARD_INDEX");
  shard_setting s;
  if (total == nullptr && index == nullptr) return s;
  if (total == nullptr || index == nullptr) {
    throw std::invalid_argument("set both GTEST_TOTAL_SHARDS and GTEST_SHARD_INDEX, or neither");
  }
  constexpr unsigned long long most = 1'000'000;
  s.total = parse_whole_number("GTEST_TOTAL_SHARDS", total, 1, most);
  s.index = parse_whole_number("GTEST_SHARD_INDEX", index, 0, s.total - 1);
  s.from_environment = true;
  return s;
}

}  // namespace ordercheck::results
