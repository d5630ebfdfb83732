// std_sync: the production sync policy. Every primitive in impl/ is a template
// on a sync policy (as folly's primitives take `template <typename> class Atom`);
// this one maps the policy onto std::atomic, std::mutex and plain data, and is
// the only file in impl/ that names a backend. model/relacy_sync.hpp is its
// mirror for the Relacy model checker and must keep the same shape.
//
// Cost: nothing. `atomic<T>` *is* std::atomic<T> (except under ThreadSanitizer,
// where it also tells TSan what fences do: tsan_fences.hpp), `plain<T>` is a struct of one
// T with inline accessors, and no call site is recorded. README.md ("std_sync
// costs nothing") says how that is checked.
//
// Memory ordering: the policy imposes none of its own. The constants below are
// the std ones, and each call site in impl/ states which it uses and why.
//
// The policy's API, which every backend provides:
//   memory_order, relaxed, acquire, release, acq_rel, seq_cst
// Every atomic<T> and plain<T> starts at T{} when default-constructed (as
// std::atomic does since C++20); relacy_sync does the same, so a primitive
// that relies on the zero behaves alike under both.
//
//   atomic<T>       load(o), store(v, o), exchange(v, o), fetch_add(v, o),
//                   fetch_sub(v, o), fetch_or(v, o), fetch_and(v, o),
//                   compare_exchange_strong(expected, desired, success, failure)
//   plain<T>        load(), store(v): shared non-atomic data (the model checks
//                   it for races; TSan sees it as an ordinary access)
//   mutex           lock(), unlock() (lock_guard works with it)
//   thread_flag<Tag>::get(), ::set(b): one bool per thread and Tag
//   pause()         called in spin loops so schedulers can make progress
//   fence(o)        std::atomic_thread_fence
//   name_object(p, name): names the heap object at p in model reports
//                   ("buffer" instead of its address); a no-op here
//   assert_that(b, message): an internal assertion (upstream's
//                   TORCH_INTERNAL_ASSERT); std_sync throws assertion_failure
#pragma once

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

#include "ordercheck/sync/assertion_failure.hpp"

// Under ThreadSanitizer, atomics and fences go through tsan_fences.hpp, which
// tells TSan what a fence does (TSan itself ignores std::atomic_thread_fence).
#if defined(__SANITIZE_THREAD__)
#define ORDERCHECK_TSAN_FENCES 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define ORDERCHECK_TSAN_FENCES 1
#endif
#endif
#ifdef ORDERCHECK_TSAN_FENCES
#include "ordercheck/sync/tsan_fences.hpp"
#endif

namespace ordercheck {

struct std_sync {
  using memory_order = std::memory_order;
  static constexpr memory_order relaxed = std::memory_order_relaxed;
  static constexpr memory_order acquire = std::memory_order_acquire;
  static constexpr memory_order release = std::memory_order_release;
  static constexpr memory_order acq_rel = std::memory_order_acq_rel;
  static constexpr memory_order seq_cst = std::memory_order_seq_cst;

#ifdef ORDERCHECK_TSAN_FENCES
  template <class T>
  using atomic = tsan_fences::fenced_atomic<T>;  // std::atomic<T> plus what TSan must know
#else
  template <class T>
  using atomic = std::atomic<T>;
#endif

  template <class T>
  class plain {
   public:
    plain() = default;
    explicit plain(T initial) noexcept : value_(initial) {}
    T load() const noexcept { return value_; }
    void store(T value) noexcept { value_ = value; }

   private:
    T value_{};
  };

  using mutex = std::mutex;

  template <class Tag>
  class thread_flag {
   public:
    static bool get() noexcept { return value_; }
    static void set(bool value) noexcept { value_ = value; }

   private:
    static inline thread_local bool value_ = false;
  };

  static void pause() noexcept { std::this_thread::yield(); }
#ifdef ORDERCHECK_TSAN_FENCES
  static void fence(memory_order order) noexcept { tsan_fences::fence(order); }
#else
  static void fence(memory_order order) noexcept { std::atomic_thread_fence(order); }
#endif
  static void name_object(const void*, const char*) noexcept {}

  static void assert_that(bool condition, const char* message) {
    if (!condition) throw assertion_failure(message);
  }
};

}  // namespace ordercheck
