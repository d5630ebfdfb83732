// tsan_fences: std_sync's atomics and fences when ThreadSanitizer watches the
// build. ThreadSanitizer does not model std::atomic_thread_fence: a correct
// Arc-style refcount (release decrement, acquire fence in the last owner) or
// fence-based message passing is reported as a data race, a false alarm that
// would fail the gate on correct code. Under TSan, std_sync's atomic<T> is
// tsan_fenced_atomic<T> and std_sync::fence() is tsan_fence(), which tell
// TSan what the fence does through its annotation API (__tsan_acquire,
// __tsan_release), as Rust's std turns Arc's acquire fence into an acquire
// load of the same atomic under TSan. Without TSan none of this is compiled:
// std_sync's atomic<T> is std::atomic<T>.
//
// Memory ordering (what each fence becomes, per thread):
//   acquire fence (acquire, acq_rel, seq_cst): an acquire of every atomic this
//     thread read (load or read-modify-write) since its previous acquire
//     fence, i.e. of the atomics whose values the fence can order after.
//     TSan keeps one release clock per atomic's address; acquiring it makes
//     every release store or RMW of that atomic happen before the fence.
//   release fence (release, acq_rel, seq_cst): from then on, every store or
//     RMW of this thread releases at that atomic first, as C++ makes every
//     later store of the thread carry the fence's release.
// What TSan still cannot see (stress/calibration/README table):
//   - a release fence releases the thread's clock at the later store, not at
//     the fence, so an access placed between the fence and that store looks
//     ordered: such a race is missed (the model layer sees it);
//   - the acquire side acquires each atomic's latest release clock at the
//     fence, which may include a release made after the value the load read;
//   - at most `tracked_reads` distinct atomics are remembered between two
//     acquire fences (the oldest is dropped; a drop can only cost a false
//     alarm, never a missed race).
#pragma once

#include <atomic>
#include <cstddef>

#include <sanitizer/tsan_interface.h>

namespace ordercheck::tsan_fences {

// The per-thread state of the fence model.
struct thread_fence_state {
  static constexpr std::size_t tracked_reads = 16;
  const void* read_since_acquire_fence[tracked_reads] = {};
  std::size_t next_slot = 0;
  bool release_fence_seen = false;

  void remember_read(const void* address) noexcept {
    for (const void* seen : read_since_acquire_fence) {
      if (seen == address) return;
    }
    read_since_acquire_fence[next_slot] = address;
    next_slot = (next_slot + 1) % tracked_reads;
  }
  void acquire_everything_read() noexcept {
    for (const void*& seen : read_since_acquire_fence) {
      if (seen != nullptr) __tsan_acquire(const_cast<void*>(seen));
      seen = nullptr;
    }
    next_slot = 0;
  }
};

inline thread_fence_state& this_thread() noexcept {
  static thread_local thread_fence_state state;
  return state;
}

inline bool acquires(std::memory_order order) noexcept {
  return order == std::memory_order_acquire || order == std::memory_order_acq_rel ||
         order == std::memory_order_seq_cst;
}
inline bool releases(std::memory_order order) noexcept {
  return order == std::memory_order_release || order == std::memory_order_acq_rel ||
         order == std::memory_order_seq_cst;
}

// std_sync::fence under TSan: the fence itself (for the hardware), then what it
// means to TSan (see the header comment).
inline void fence(std::memory_order order) noexcept {
  std::atomic_thread_fence(order);
  if (acquires(order)) this_thread().acquire_everything_read();
  if (releases(order)) this_thread().release_fence_seen = true;
}

// std::atomic<T> with std_sync's API, telling the fence model about each
// read and applying an earlier release fence to each write.
template <class T>
class fenced_atomic {
 public:
  fenced_atomic() noexcept : value_() {}                      // value-initialised, as std::atomic
  fenced_atomic(T initial) noexcept : value_(initial) {}      // NOLINT: mirrors std::atomic
  fenced_atomic(const fenced_atomic&) = delete;
  fenced_atomic& operator=(const fenced_atomic&) = delete;

  T load(std::memory_order order) const noexcept {
    const T value = value_.load(order);
    read();
    return value;
  }
  void store(T value, std::memory_order order) noexcept {
    write();
    value_.store(value, order);
  }
  T exchange(T value, std::memory_order order) noexcept { return rmw([&] { return value_.exchange(value, order); }); }
  template <class U>
  T fetch_add(U value, std::memory_order order) noexcept {
    return rmw([&] { return value_.fetch_add(value, order); });
  }
  template <class U>
  T fetch_sub(U value, std::memory_order order) noexcept {
    return rmw([&] { return value_.fetch_sub(value, order); });
  }
  T fetch_or(T value, std::memory_order order) noexcept { return rmw([&] { return value_.fetch_or(value, order); }); }
  T fetch_and(T value, std::memory_order order) noexcept { return rmw([&] { return value_.fetch_and(value, order); }); }
  bool compare_exchange_strong(T& expected, T desired, std::memory_order success,
                               std::memory_order failure) noexcept {
    return rmw([&] { return value_.compare_exchange_strong(expected, desired, success, failure); });
  }

 private:
  void read() const noexcept { this_thread().remember_read(&value_); }
  // A release fence earlier in this thread makes this write a release
  // (released before the write, so the reader's acquire finds it).
  void write() noexcept {
    if (this_thread().release_fence_seen) __tsan_release(&value_);
  }
  template <class Operation>
  auto rmw(Operation operation) noexcept {
    write();
    auto result = operation();
    read();
    return result;
  }

  std::atomic<T> value_;
};

}  // namespace ordercheck::tsan_fences
