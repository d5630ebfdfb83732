// Linearizability checker: is there an order of a history's operations, legal
// for a sequential model, that respects real time (an operation that returned
// before another was invoked comes first)?
//
// The search is Wing & Gong's, with Lowe's improvements as Porcupine implements
// them: the history becomes a list of call and return events sorted by stamp;
// the search linearizes any call whose model step is legal and that is not
// preceded by a pending return, backtracks at the first return it cannot pass,
// and memoises every (set of linearized operations, model state) it has
// visited, so each configuration is explored once. When the model says which
// key an operation touches, the history is split by key first and each part
// checked alone (P-compositionality: a history is linearizable iff each
// per-key sub-history is).
//
// A model is a type with:
//   using state = ...;   equality-comparable
//   using input = ...; using output = ...;
//   static state initial();
//   static std::optional<state> step(const state&, const input&, const output&);
//                        // the state after the operation, or nullopt when the
//                        // model could not have produced `output`
//   static std::size_t hash(const state&);
//   static std::optional<unsigned> partition_key(const input&);  // optional member:
//                        // nullopt for an operation that touches every key
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <unordered_set>
#include <vector>

#include "history.hpp"

namespace ordercheck::properties {

struct check_outcome {
  bool linearizable = true;
  // When linearizable: indices into the history, in linearization order (the
  // parts of a partitioned history one after the other).
  std::vector<std::size_t> linearization;
  // When not: the operations of the part that failed, and the longest prefix
  // of a linearization the search found for it (indices into the history).
  std::vector<std::size_t> failing_part;
  std::vector<std::size_t> longest_prefix;
  std::uint64_t states_visited = 0;
};

namespace detail {

template <class Model, class = void>
struct has_partition_key : std::false_type {};
template <class Model>
struct has_partition_key<Model, std::void_t<decltype(Model::partition_key(
                                    std::declval<const typename Model::input&>()))>>
    : std::true_type {};

// A set of operation indices as 64-bit words, hashable.
class operation_set {
 public:
  explicit operation_set(std::size_t size) : words_((size + 63) / 64, 0) {}
  void insert(std::size_t i) { words_[i / 64] |= std::uint64_t{1} << (i % 64); }
  void erase(std::size_t i) { words_[i / 64] &= ~(std::uint64_t{1} << (i % 64)); }
  bool operator==(const operation_set& other) const { return words_ == other.words_; }
  std::size_t hash() const {
    std::uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (std::uint64_t w : words_) h = (h ^ w) * 0x100000001b3ULL + (h >> 29);
    return static_cast<std::size_t>(h);
  }

 private:
  std::vector<std::uint64_t> words_;
};

// Checks one part (a subset of the history's operations, by index).
template <class Model>
check_outcome check_part(const history<typename Model::input, typename Model::output>& h,
                         const std::vector<std::size_t>& part) {
  check_outcome outcome;
  const std::size_t n = part.size();
  if (n == 0) return outcome;

  // The event list: 2n entries (call, return), sorted by stamp; a doubly linked
  // list so linearized calls (and their returns) can be lifted out and put back.
  struct event {
    std::uint64_t stamp;
    std::size_t operation;  // position in `part`
    bool is_call;
    int previous, next;
    int match;  // the call's return event
  };
  std::vector<event> events;
  events.reserve(2 * n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& r = h[part[i]];
    events.push_back({r.invoked, i, true, -1, -1, -1});
    events.push_back({r.returned, i, false, -1, -1, -1});
  }
  std::sort(events.begin(), events.end(), [](const event& a, const event& b) {
    return a.stamp != b.stamp ? a.stamp < b.stamp : (a.is_call && !b.is_call);
  });
  std::vector<int> return_of(n, -1);
  for (int e = 0; e < static_cast<int>(events.size()); ++e) {
    if (!events[e].is_call) return_of[events[e].operation] = e;
  }
  // A sentinel head (index 2n) keeps lift/unlift free of special cases.
  const int head = static_cast<int>(events.size());
  events.push_back({0, 0, false, -1, 0, -1});
  for (int e = 0; e < head; ++e) {
    events[e].previous = e == 0 ? head : e - 1;
    events[e].next = e + 1 < head ? e + 1 : -1;
    if (events[e].is_call) events[e].match = return_of[events[e].operation];
  }

  auto unlink = [&](int e) {
    events[events[e].previous].next = events[e].next;
    if (events[e].next != -1) events[events[e].next].previous = events[e].previous;
  };
  auto relink = [&](int e) {
    events[events[e].previous].next = e;
    if (events[e].next != -1) events[events[e].next].previous = e;
  };
  // Lift a call and its return out of the list (the return first is not
  // needed: unlinking in this order and relinking in reverse restores it).
  auto lift = [&](int call) {
    unlink(call);
    unlink(events[call].match);
  };
  auto unlift = [&](int call) {
    relink(events[call].match);
    relink(call);
  };

  struct visited_key {
    operation_set linearized;
    typename Model::state state;
    bool operator==(const visited_key& other) const {
      return state == other.state && linearized == other.linearized;
    }
  };
  struct visited_hash {
    std::size_t operator()(const visited_key& k) const {
      return k.linearized.hash() * 31 + Model::hash(k.state);
    }
  };
  std::unordered_set<visited_key, visited_hash> visited;

  struct frame {
    int call;
    typename Model::state state_before;
  };
  std::vector<frame> stack;
  operation_set linearized(n);
  typename Model::state state = Model::initial();
  int entry = events[head].next;
  while (events[head].next != -1) {
    if (entry == -1) break;  // unreachable: a return is always met first
    const event& e = events[entry];
    if (e.is_call) {
      const auto& r = h[part[e.operation]];
      std::optional<typename Model::state> next = Model::step(state, r.input, r.output);
      bool advanced = false;
      if (next) {
        operation_set with_this = linearized;
        with_this.insert(e.operation);
        ++outcome.states_visited;
        if (visited.insert(visited_key{with_this, *next}).second) {
          stack.push_back({entry, state});
          state = std::move(*next);
          linearized = std::move(with_this);
          lift(entry);
          if (stack.size() > outcome.longest_prefix.size()) {
            outcome.longest_prefix.clear();
            for (const frame& f : stack) outcome.longest_prefix.push_back(part[events[f.call].operation]);
          }
          entry = events[head].next;
          advanced = true;
        }
      }
      if (!advanced) entry = e.next;
    } else {
      // A return whose call is not linearized: backtrack.
      if (stack.empty()) {
        outcome.linearizable = false;
        outcome.failing_part = part;
        return outcome;
      }
      const frame top = stack.back();
      stack.pop_back();
      state = top.state_before;
      linearized.erase(events[top.call].operation);
      unlift(top.call);
      entry = events[top.call].next;
    }
  }
  for (const frame& f : stack) outcome.linearization.push_back(part[events[f.call].operation]);
  return outcome;
}

}  // namespace detail

template <class Model>
check_outcome check_linearizable(const history<typename Model::input, typename Model::output>& h) {
  std::vector<std::vector<std::size_t>> parts;
  bool partitioned = false;
  if constexpr (detail::has_partition_key<Model>::value) {
    std::vector<std::pair<unsigned, std::size_t>> keyed;
    partitioned = true;
    for (std::size_t i = 0; i < h.size() && partitioned; ++i) {
      const std::optional<unsigned> key = Model::partition_key(h[i].input);
      if (!key) partitioned = false;
      else keyed.emplace_back(*key, i);
    }
    if (partitioned) {
      std::stable_sort(keyed.begin(), keyed.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      for (std::size_t i = 0; i < keyed.size(); ++i) {
        if (i == 0 || keyed[i].first != keyed[i - 1].first) parts.emplace_back();
        parts.back().push_back(keyed[i].second);
      }
    }
  }
  if (!partitioned) {
    parts.assign(1, {});
    for (std::size_t i = 0; i < h.size(); ++i) parts[0].push_back(i);
  }
  check_outcome total;
  for (const auto& part : parts) {
    check_outcome one = detail::check_part<Model>(h, part);
    total.states_visited += one.states_visited;
    if (!one.linearizable) {
      one.states_visited = total.states_visited;
      return one;
    }
    total.linearization.insert(total.linearization.end(), one.linearization.begin(),
                               one.linearization.end());
  }
  return total;
}

}  // namespace ordercheck::properties
