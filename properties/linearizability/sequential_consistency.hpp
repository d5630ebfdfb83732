// Sequential-consistency checker: is there an order of a history's
// operations, legal for the sequential model, that keeps each thread's
// program order? The prefix (lane 0) comes before every thread's operations.
//
// Where it is used instead of linearizability: inside Relacy. There the
// history's clock is the simulated interleaving, which is not real time in
// the C++ memory model: an operation that finished earlier in the
// interleaving need not happen before a later one on another thread (no
// synchronization orders them), and a relaxed load may still read an older
// value. Checking real-time order there reports correct code (a check that
// reads the tag relaxed, say). Program order and the prefix are real
// happens-before edges, so this check is sound under the relaxed model; it
// still catches every defect the properties layer targets (two wrappers,
// a lost insert, a double release: no sequential order explains them).
//
// The search: a depth-first walk over (position in each thread, model
// state), memoised, so each configuration is explored once. Not split by key:
// sequential consistency is not compositional.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <unordered_set>
#include <vector>

#include "checker.hpp"
#include "history.hpp"

namespace ordercheck::properties {

template <class Model>
check_outcome check_sequentially_consistent(const history<typename Model::input, typename Model::output>& h) {
  check_outcome outcome;
  // Each thread's operations in program order (its own invocation stamps).
  unsigned thread_count = 0;
  for (const auto& r : h) thread_count = std::max(thread_count, r.thread + 1);
  std::vector<std::vector<std::size_t>> threads(thread_count);
  for (std::size_t i = 0; i < h.size(); ++i) threads[h[i].thread].push_back(i);
  for (auto& ops : threads)
    std::sort(ops.begin(), ops.end(), [&](std::size_t a, std::size_t b) { return h[a].invoked < h[b].invoked; });

  struct visited_key {
    std::vector<std::uint8_t> positions;
    typename Model::state state;
    bool operator==(const visited_key& other) const {
      return positions == other.positions && state == other.state;
    }
  };
  struct visited_hash {
    std::size_t operator()(const visited_key& k) const {
      std::size_t p = 0;
      for (std::uint8_t v : k.positions) p = p * 131 + v;
      return p * 31 + Model::hash(k.state);
    }
  };
  std::unordered_set<visited_key, visited_hash> visited;
  std::vector<std::uint8_t> positions(thread_count, 0);
  std::vector<std::size_t> order;

  // Depth at most h.size(): the histories here are small.
  auto search = [&](auto& self, const typename Model::state& state) -> bool {
    if (order.size() == h.size()) return true;
    if (!visited.insert(visited_key{positions, state}).second) return false;
    const bool prefix_pending = thread_count > 0 && positions[0] < threads[0].size();
    for (unsigned t = 0; t < thread_count; ++t) {
      if (prefix_pending && t != 0) break;  // the prefix runs before every thread
      if (positions[t] == threads[t].size()) continue;
      const std::size_t i = threads[t][positions[t]];
      ++outcome.states_visited;
      const std::optional<typename Model::state> next = Model::step(state, h[i].input, h[i].output);
      if (!next) continue;
      ++positions[t];
      order.push_back(i);
      if (order.size() > outcome.longest_prefix.size()) outcome.longest_prefix = order;
      if (self(self, *next)) return true;
      order.pop_back();
      --positions[t];
    }
    return false;
  };
  if (search(search, Model::initial())) {
    outcome.linearization = order;
    outcome.longest_prefix.clear();
    return outcome;
  }
  outcome.linearizable = false;
  for (std::size_t i = 0; i < h.size(); ++i) outcome.failing_part.push_back(i);
  return outcome;
}

}  // namespace ordercheck::properties
