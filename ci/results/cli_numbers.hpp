// CLI11 validators over bounded_number.hpp, for every runner's numeric
// options: they check the text before CLI11 converts it, so "-1" never wraps
// into an unsigned option and "nan" never reaches a Range check (where every
// comparison with NaN is false). Header-only: the runners link CLI11.
#pragma once

#include <CLI/CLI.hpp>

#include <stdexcept>
#include <string>

#include "bounded_number.hpp"

namespace ordercheck::results {

// A whole number in [min, max].
inline CLI::Validator whole_number(unsigned long long min, unsigned long long max) {
  return CLI::Validator(
      [min, max](std::string& text) -> std::string {
        try {
          parse_whole_number("the value", text, min, max);
          return {};
        } catch (const std::invalid_argument& e) {
          return e.what();
        }
      },
      "INT in [" + std::to_string(min) + " - " + std::to_string(max) + "]");
}

// A finite number of seconds in (0, max].
inline CLI::Validator positive_seconds(double max) {
  return CLI::Validator(
      [max](std::string& text) -> std::string {
        try {
          parse_seconds("the value", text, max);
          return {};
        } catch (const std::invalid_argument& e) {
          return e.what();
        }
      },
      "SECONDS in (0 - " + std::to_string(max) + "]");
}

}  // namespace ordercheck::results
