// The hot paths that must cost nothing under std_sync, as out-of-line
// functions: each reference primitive over std_sync, and a hand-written twin
// that does the same with std::atomic directly and the same memory orders.
// zero_cost_policy.cpp and zero_cost_hand_written.cpp define them in separate
// translation units, so the compiler cannot merge or inline one into the other.
//
// impl/tests/zero_cost_test.cpp disassembles both object files (compiled -O2)
// and asserts each pair is the same instruction sequence; the negative
// controls (a twin with an extra fence, a policy that counts its loads) must
// differ. zero_cost_benchmark.cpp times the pairs.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>

#include "ordercheck/handle_cache/reference.hpp"
#include "ordercheck/interpreter.hpp"
#include "ordercheck/owner_tag/reference.hpp"
#include "ordercheck/sync/std_sync.hpp"

namespace ordercheck::zero_cost {

using slow_path = python_object* (*)();

// A policy that is NOT free: every atomic load bumps a global counter, as a
// checker's policy records call sites. The negative control of the test.
struct counting_sync : std_sync {
  static inline unsigned long loads = 0;
  template <class T>
  struct atomic : std::atomic<T> {
    using std::atomic<T>::atomic;
    T load(std::memory_order order) const noexcept {
      ++loads;
      return std::atomic<T>::load(order);
    }
  };
};

using policy_handle_cache = reference::handle_cache<std_sync>;
using counting_handle_cache = reference::handle_cache<counting_sync>;
using policy_owner_tag = reference::owner_tag<std_sync>;

// The hand-written twins: the same state as the primitives as plain
// std::atomic members, and the same member functions with std::atomic and
// std::memory_order_* in place of the policy (defined in
// zero_cost_hand_written.cpp). ExtraFence adds a seq_cst fence before the
// acquire load: the negative control. They keep the primitives' source shape
// (a member template taking Slow&&, a const member) because gcc's block layout
// follows the source shape: a free function taking the slow path by value
// compiled to an equivalent but differently ordered branch sequence.
struct hand_written_handle_cache {
  template <bool ExtraFence, class Slow>
  python_object* ptr_or(const interpreter* self, Slow&& slow);

  std::atomic<const interpreter*> tag{nullptr};
  std::atomic<python_object*> cached{nullptr};
};
struct hand_written_owner_tag {
  template <bool ExtraFence>
  std::optional<python_object*> check(const interpreter* self, bool ignore_hermetic) const;

  std::atomic<const interpreter*> tag{nullptr};
  std::atomic<std::uintptr_t> word{0};
};
// The hand-written owner tag's per-thread hermetic flag.
inline thread_local bool hand_written_hermetic = false;

// handle_cache::ptr_or, hit path first (the whole function is compared).
python_object* handle_cache_policy(policy_handle_cache& cache, const interpreter* self, slow_path slow);
python_object* handle_cache_hand_written(hand_written_handle_cache& cache, const interpreter* self,
                                         slow_path slow);
// Negative controls: must NOT match handle_cache_hand_written.
python_object* handle_cache_counting_policy(counting_handle_cache& cache, const interpreter* self,
                                            slow_path slow);
python_object* handle_cache_hand_written_extra_fence(hand_written_handle_cache& cache,
                                                     const interpreter* self, slow_path slow);

// owner_tag::check.
std::optional<python_object*> owner_tag_check_policy(const policy_owner_tag& slot, const interpreter* self,
                                                     bool ignore_hermetic);
std::optional<python_object*> owner_tag_check_hand_written(const hand_written_owner_tag& slot,
                                                           const interpreter* self, bool ignore_hermetic);
// Negative control: must NOT match owner_tag_check_hand_written.
std::optional<python_object*> owner_tag_check_hand_written_extra_fence(const hand_written_owner_tag& slot,
                                                                       const interpreter* self,
                                                                       bool ignore_hermetic);

}  // namespace ordercheck::zero_cost
