// A history as text: one row per operation in invocation order, one column
// per thread (Lincheck's table), each cell "operation -> result [invoke, return]".
// Then the longest linearizable prefix the checker found, which shows where
// every legal order breaks down.
#pragma once

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "checker.hpp"
#include "real_thread_runner.hpp"

namespace ordercheck::properties {

template <class Spec>
std::string describe_operation(const operation_record<operation, observation>& r) {
  char stamps[48];
  std::snprintf(stamps, sizeof stamps, " [%llu..%llu]", static_cast<unsigned long long>(r.invoked),
                static_cast<unsigned long long>(r.returned));
  return Spec::operation_name(r.input) + " -> " + to_string(r.output) + stamps;
}

template <class Spec>
std::string describe_history(const recorded_history& h, const check_outcome& outcome,
                             const char* no_order = "no legal linearization") {
  unsigned lanes = 0;
  for (const auto& r : h) lanes = std::max(lanes, r.thread + 1);
  std::vector<std::size_t> order(h.size());
  for (std::size_t i = 0; i < h.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return h[a].invoked < h[b].invoked; });
  constexpr std::size_t width = 34;
  auto pad = [](std::string s) {
    if (s.size() < width) s.append(width - s.size(), ' ');
    return s + " | ";
  };
  std::string out = "history (one column per thread; [invoke..return] on one clock):\n";
  std::string header;
  for (unsigned l = 0; l < lanes; ++l) header += pad(l == 0 ? "prefix" : "thread " + std::to_string(l));
  out += "  " + header + "\n";
  for (std::size_t i : order) {
    std::string row;
    for (unsigned l = 0; l < lanes; ++l) row += pad(h[i].thread == l ? describe_operation<Spec>(h[i]) : "");
    out += "  " + row + "\n";
  }
  if (!outcome.linearizable) {
    out += std::string(no_order) + "; the longest legal prefix is:";
    // Appended piece by piece: g++ 12 -O3 warns a false -Wrestrict on
    // operator+(const char*, string&&) here.
    for (std::size_t i : outcome.longest_prefix) {
      out += ' ';
      out += Spec::operation_name(h[i].input);
      out += "->" + to_string(h[i].output) + ";";
    }
    out += outcome.longest_prefix.empty() ? " (empty)\n" : "\n";
  }
  return out;
}

}  // namespace ordercheck::properties
