// The common currency of the subjects' linearizability tests: every operation
// is a small record (what to call, on which interpreter / key / slot, and a
// fresh identity for whatever it creates), and every result is an observation
// (a value, nothing, an ownership error naming the owner, or a failed internal
// assertion). One shape for all subjects keeps the program generator, the
// runners (real threads and Relacy) and the reports generic.
#pragma once

#include <cstdint>
#include <functional>
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

}  // namespace ordercheck::properties
