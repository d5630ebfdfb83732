// Hand-written twins of the reference primitives' hot paths: std::atomic used
// directly, with the same memory orders as impl/ordercheck/*/reference.hpp.
// They must compile to the same instructions as the primitives over std_sync
// (zero_cost_test). Keep them in step with the reference headers: when an
// order changes there, change it here (the test fails until you do).
#include "zero_cost.hpp"

namespace ordercheck::zero_cost {

template <bool ExtraFence, class Slow>
python_object* hand_written_handle_cache::ptr_or(const interpreter* self, Slow&& slow) {
  const interpreter* owner = tag.load(std::memory_order_relaxed);
  if (owner == self) {
    if constexpr (ExtraFence) std::atomic_thread_fence(std::memory_order_seq_cst);
    python_object* handle = cached.load(std::memory_order_acquire);
    if (handle != nullptr) return handle;
  } else if (owner != nullptr) {
    return slow();
  }
  python_object* value = slow();
  const interpreter* expected = nullptr;
  tag.compare_exchange_strong(expected, self, std::memory_order_relaxed, std::memory_order_relaxed);
  if (expected != nullptr && expected != self) return value;
  python_object* unpublished = nullptr;
  if (cached.compare_exchange_strong(unpublished, value, std::memory_order_acq_rel,
                                     std::memory_order_acquire)) {
    return value;
  }
  return unpublished;
}

template <bool ExtraFence>
std::optional<python_object*> hand_written_owner_tag::check(const interpreter* self,
                                                            bool ignore_hermetic) const {
  const interpreter* owner = tag.load(std::memory_order_relaxed);
  if (owner == nullptr) return std::nullopt;
  if (owner == self) {
    if (!ignore_hermetic && hand_written_hermetic) return std::nullopt;
    if constexpr (ExtraFence) std::atomic_thread_fence(std::memory_order_seq_cst);
    return reinterpret_cast<python_object*>(word.load(std::memory_order_acquire) & ~std::uintptr_t{1});
  }
  throw ownership_error("read the wrapper", self, owner);
}

python_object* handle_cache_hand_written(hand_written_handle_cache& cache, const interpreter* self,
                                         slow_path slow) {
  return cache.ptr_or</*ExtraFence=*/false>(self, slow);
}

python_object* handle_cache_hand_written_extra_fence(hand_written_handle_cache& cache,
                                                     const interpreter* self, slow_path slow) {
  return cache.ptr_or</*ExtraFence=*/true>(self, slow);
}

std::optional<python_object*> owner_tag_check_hand_written(const hand_written_owner_tag& slot,
                                                           const interpreter* self, bool ignore_hermetic) {
  return slot.check</*ExtraFence=*/false>(self, ignore_hermetic);
}

std::optional<python_object*> owner_tag_check_hand_written_extra_fence(const hand_written_owner_tag& slot,
                                                                       const interpreter* self,
                                                                       bool ignore_hermetic) {
  return slot.check</*ExtraFence=*/true>(self, ignore_hermetic);
}

}  // namespace ordercheck::zero_cost
