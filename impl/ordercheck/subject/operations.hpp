// The vocabulary of a subject's sequential specification, for the
// properties layer: what one operation is (a small record: which call, on
// which interpreter / key / slot, with a fresh identity for what it may
// create), what it returns (an observation: a value, nothing, an ownership
// error naming the owner, or a failed internal assertion), which lane it runs
// in, and the sequential model's predict() helper. One shape for every
// subject keeps the program generator, the runners (real threads and Relacy)
// and the reports generic.
//
// It names no test library: a subject's subject.hpp may write its whole
// property spec with it (README, "Adding your own primitive"); the properties
// driver turns `operations(lane, menu)` into rapidcheck generators
// (properties/linearizability/parallel_program.hpp). The linearizability
// checking itself follows Herlihy and Wing, "Linearizability: A Correctness
// Condition for Concurrent Objects" (TOPLAS 1990).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace ordercheck::properties {

struct operation {
  std::uint8_t code = 0;      // which call; each subject names its codes
  std::uint8_t argument = 0;  // interpreter, key or slot
  std::uint8_t second = 0;    // a second argument (a slot, a flag)
  std::uint8_t lane = 0;      // 0: the prefix; t: parallel thread t (set by
                              // number_fresh_identities, read by models of
                              // per-thread state such as owner_tag's hermetic flag)
  std::uint32_t fresh = 0;    // unique per operation in a program (1-based):
                              // the identity of what this call may create
  bool operator==(const operation&) const = default;
};

enum class observation_kind : std::uint8_t {
  value,      // `value` holds the result
  nothing,    // no result (nullopt, null, void)
  error,      // ownership_error; `value` is the owning interpreter's index
  assertion,  // an internal assertion failed (upstream's TORCH_INTERNAL_ASSERT)
};

struct observation {
  observation_kind kind = observation_kind::nothing;
  std::uint64_t value = 0;

  static observation of(std::uint64_t v) { return {observation_kind::value, v}; }
  static observation none() { return {observation_kind::nothing, 0}; }
  static observation owned_by(std::uint64_t owner) { return {observation_kind::error, owner}; }
  static observation failed_assertion() { return {observation_kind::assertion, 0}; }
  bool operator==(const observation&) const = default;
};

inline std::string to_string(const observation& o) {
  switch (o.kind) {
    case observation_kind::value: return std::to_string(o.value);
    case observation_kind::nothing: return "none";
    case observation_kind::error: return "ownership_error(owner " + std::to_string(o.value) + ")";
    case observation_kind::assertion: return "assertion failed";
  }
  return "?";
}

inline std::size_t hash_combine(std::size_t seed, std::uint64_t v) {
  return seed ^ (std::hash<std::uint64_t>{}(v) + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

// Which part of the program an operation runs in: the prefix (lane 0) or
// parallel thread `lane` (1-based). Subjects whose operations belong to one thread
// (a storage slot) generate per lane.
using lane = unsigned;
constexpr lane prefix_lane = 0;

// Which operations a cell may generate: all of them, or only those whose
// sequential semantics the reference and upstream variants agree on.
struct operation_menu {
  bool agreed_with_upstream_only = false;
  bool parallel_crosses_interpreters = false;  // reserved: see README
};

// One operation a lane may draw, for a spec that lists its operations
// (`static std::vector<operation_choice> operations(lane, const operation_menu&)`)
// instead of writing a rapidcheck generator: every choice is equally likely,
// and its operation::argument is drawn from [0, arguments) and
// operation::second from [0, seconds), small values first when a failing
// program shrinks.
struct operation_choice {
  std::uint8_t code = 0;
  std::uint8_t arguments = 1;
  std::uint8_t seconds = 1;
};

// A sequential model whose every operation has exactly one legal outcome:
// the model says it with predict(state, op) -> {expected observation, next
// state}, and this base derives the checker's step() from it (an observation
// other than the predicted one is illegal). Models whose operations may
// legally answer in several ways (code_context_spec) write step() themselves.
template <class Model>
struct predicted_model {
  template <class State, class Operation, class Observation>
  static std::optional<State> step(const State& before, const Operation& op, const Observation& seen) {
    auto [expected, after] = Model::predict(before, op);
    if (!(expected == seen)) return std::nullopt;
    return after;
  }
};

}  // namespace ordercheck::properties
