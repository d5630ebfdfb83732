// The TSan calibration's fixtures (see tsan_calibration.cpp for the table):
// message passing in three orders and an Arc-style refcount with its
// relaxed-decrement twin, each a template on the sync policy, as impl/'s
// primitives are. Each round runs two real threads once; `run_round` returns
// when both have finished.
#pragma once

#include <atomic>
#include <thread>

namespace ordercheck::stress::calibration {

enum class publication {
  relaxed,               // relaxed store / relaxed load: a real race on the data
  release_acquire,       // release store / acquire load
  fences,                // release fence + relaxed store / relaxed load + acquire fence
  write_after_fence,     // the data write placed AFTER the release fence: a real race
};

// Message passing: the writer writes plain data, then raises a flag; the
// reader waits for the flag, then reads the data.
template <class Sync, publication P>
void message_passing_round() {
  typename Sync::template plain<int> data{0};
  typename Sync::template atomic<int> flag{0};
  std::thread writer([&] {
    if constexpr (P == publication::write_after_fence) {
      Sync::fence(Sync::release);  // orders nothing: the data write comes after it
      data.store(42);
      flag.store(1, Sync::relaxed);
    } else if constexpr (P == publication::fences) {
      data.store(42);
      Sync::fence(Sync::release);    // makes the relaxed store below publish data
      flag.store(1, Sync::relaxed);  // relaxed: the fence above carries the release
    } else {
      data.store(42);
      // relaxed: the defect of the relaxed case; release: publishes data
      flag.store(1, P == publication::relaxed ? Sync::relaxed : Sync::release);
    }
  });
  std::thread reader([&] {
    const bool acquire_load = P == publication::release_acquire;
    // acquire pairs with the writer's release store; relaxed otherwise (the fence below, or the defect)
    while (flag.load(acquire_load ? Sync::acquire : Sync::relaxed) == 0) Sync::pause();
    if constexpr (P == publication::fences || P == publication::write_after_fence) {
      Sync::fence(Sync::acquire);  // pairs with the writer's release fence
    }
    Sync::assert_that(data.load() == 42, "message passing lost the data");
  });
  writer.join();
  reader.join();
}

// Message passing with std::atomic_thread_fence called directly, around the
// policy: what TSan sees of a fence on its own.
inline void raw_fence_message_passing_round() {
  int data = 0;
  std::atomic<int> flag{0};
  std::thread writer([&] {
    data = 42;
    std::atomic_thread_fence(std::memory_order_release);  // publishes data (TSan ignores it)
    flag.store(1, std::memory_order_relaxed);             // relaxed: the fence carries the release
  });
  std::thread reader([&] {
    while (flag.load(std::memory_order_relaxed) == 0) std::this_thread::yield();  // relaxed: the fence orders
    std::atomic_thread_fence(std::memory_order_acquire);  // pairs with the release fence
    if (data != 42) std::abort();
  });
  writer.join();
  reader.join();
}

enum class decrement { release, relaxed };

// An Arc-style refcount: two owners each write their own field of a shared
// object, then drop their reference; the last owner deletes the object. The
// delete must happen after the other owner's write: its decrement releases,
// and the last owner's acquire fence makes that release visible.
template <class Sync, decrement D>
void refcount_round() {
  struct shared_object {
    typename Sync::template plain<int> field[2];
    typename Sync::template atomic<int> owners{2};
  };
  auto* object = new shared_object;
  auto drop = [object](int owner) {
    object->field[owner].store(owner + 1);
    // release: the correct Arc; relaxed: the defect of the twin (no release of the write above)
    const int before = object->owners.fetch_sub(1, D == decrement::release ? Sync::release : Sync::relaxed);
    if (before == 1) {
      Sync::fence(Sync::acquire);  // pairs with the other owner's release decrement
      delete object;
    }
  };
  std::thread first(drop, 0);
  std::thread second(drop, 1);
  first.join();
  second.join();
}

}  // namespace ordercheck::stress::calibration
