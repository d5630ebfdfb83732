// handle_cache scenarios with a forced interleaving (stress only).
//
// The shared scenarios leave the interleaving to chance. These two make the
// threads meet at the defect's window with real waits, so the upstream
// defects are found on every run, for a structural reason:
//
//  - both_miss_in_slow: two threads of interpreter A call ptr_or once; slow()
//    waits (bounded) until the other thread is inside slow() too, so both
//    have missed before either claims. Upstream's loser then fails its claim
//    with the tag already equal to self and the "shouldn't be possible"
//    assertion fires: every run under free_threaded and gil_released_in_slow
//    (slow() lets the GIL go). Under gil the second thread cannot enter while
//    the first holds the GIL; the wait gives up and upstream passes.
//
//  - hit_after_claim: thread 0 of A calls ptr_or (a miss: it claims and
//    caches), then raises a relaxed flag; thread 1 of A waits for the flag,
//    then calls ptr_or (a hit). The relaxed flag orders the two calls in real
//    time but creates no happens-before, so the only synchronization is the
//    cache's own. Upstream publishes the tag with acq_rel but writes the
//    cached pointer (plain) after it: the hit's read of the cached pointer has
//    no happens-before with its write, and ThreadSanitizer reports the data
//    race on every free_threaded run. Under gil and gil_released_in_slow the
//    GIL (a mutex) orders the two calls and upstream passes.
//
// Both check the shared scenarios' invariants: each result is a handle that
// slow() made for the caller's interpreter, with its field visible.
#pragma once

#include <atomic>
#include <chrono>
#include <thread>

#include "ordercheck/scenarios/handle_cache_scenarios.hpp"

namespace ordercheck::stress_only {

using scenarios::handle_cache_of;
using scenarios::handle_object;

template <class Sync, variant V, contract C>
class handle_cache_forced_base {
 protected:
  static constexpr int field_value(unsigned creator) { return 1000 + static_cast<int>(creator); }

  void check_result(python_object* result) {
    int creator = -1;
    for (unsigned i = 0; i < 2; ++i) {
      if (result == reinterpret_cast<python_object*>(&handles_[i])) creator = static_cast<int>(i);
    }
    Sync::assert_that(creator >= 0, "handle_cache: ptr_or must return a handle that slow() made");
    Sync::assert_that(handles_[creator].field.load() == field_value(static_cast<unsigned>(creator)),
                      "handle_cache: the handle's fields must be visible to whoever gets it");
  }
  python_object* make_handle(unsigned index) {
    handles_[index].field.store(field_value(index));
    return reinterpret_cast<python_object*>(&handles_[index]);
  }

  interpreter interpreter_a_{"A"};
  handle_object<Sync> handles_[2];
  gil_set<Sync, C> gil_;
  handle_cache_of<Sync, V> cache_;
};

template <class Sync, variant V, contract C>
class handle_cache_both_miss_in_slow : public handle_cache_forced_base<Sync, V, C> {
 public:
  static constexpr unsigned thread_count = 2;
  static constexpr const char* name = "forced_both_miss_in_slow";
  // How long slow() waits (yielding) for the other thread; under gil it never
  // comes. A real-time bound, not a count of yields: a yield returns at once
  // when nothing else waits for that core, so 2000 of them could end before
  // the other thread was scheduled with other processes about (TSan only,
  // no assertion, in ctest -j2), and on a loaded machine could also take
  // past the watchdog's 10 s under gil.
  static constexpr std::chrono::milliseconds rendezvous_limit{1000};

  void before() {}
  void thread(unsigned index) {
    python_object* result = this->gil_.with(0, [&] {
      return this->cache_.ptr_or(&this->interpreter_a_, [&] {
        return this->gil_.released_in_slow_path(0, [&] {
          // relaxed: a rendezvous in real time only (see the header); the
          // handle is published by the cache, not by this counter.
          inside_slow_.fetch_add(1, std::memory_order_relaxed);
          const auto give_up = std::chrono::steady_clock::now() + rendezvous_limit;
          while (inside_slow_.load(std::memory_order_relaxed) < 2 && std::chrono::steady_clock::now() < give_up) {
            std::this_thread::yield();
          }
          return this->make_handle(index);
        });
      });
    });
    this->check_result(result);
  }
  void after() {}

 private:
  std::atomic<int> inside_slow_{0};
};

template <class Sync, variant V, contract C>
class handle_cache_hit_after_claim : public handle_cache_forced_base<Sync, V, C> {
 public:
  static constexpr unsigned thread_count = 2;
  static constexpr const char* name = "forced_hit_after_claim";

  void before() {}
  void thread(unsigned index) {
    if (index == 1) {
      // relaxed: orders the calls in real time without happens-before (see
      // the header). Thread 0 never blocks, so the wait ends.
      while (!claimed_.load(std::memory_order_relaxed)) std::this_thread::yield();
    }
    python_object* result = this->gil_.with(0, [&] {
      return this->cache_.ptr_or(&this->interpreter_a_, [&] { return this->make_handle(index); });
    });
    this->check_result(result);
    if (index == 0) claimed_.store(true, std::memory_order_relaxed);
  }
  void after() {}

 private:
  std::atomic<bool> claimed_{false};
};

}  // namespace ordercheck::stress_only
