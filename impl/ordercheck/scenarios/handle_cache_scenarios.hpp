// handle_cache scenarios: threads of two interpreters ask one cache for their
// handle at once.
//
// Shared by the model driver (relacy_sync) and the stress driver (std_sync):
// one instance per round; before() runs first, thread(i) concurrently, after()
// once every thread is done.
//
// Contracts (docs/design.md): each ptr_or call runs holding the caller's GIL under
// `gil` and `gil_released_in_slow`; under `gil_released_in_slow`, slow() lets
// the GIL go while it "runs Python code" and takes it back before returning.
// The payload touch (reading the handle's field) happens after the call,
// outside the GIL.
//
// Invariants asserted:
//  - every ptr_or result is a handle that slow() made for the caller's
//    interpreter, and its field holds what slow() wrote (the handle is
//    published with its contents);
//  - a handle cached for one interpreter never reaches another (the tag
//    never changes owner), and the "shouldn't be possible" claim assertion
//    inside upstream's ptr_or holds.
#pragma once

#include <type_traits>

#include "ordercheck/handle_cache/reference.hpp"
#include "ordercheck/handle_cache/upstream.hpp"
#include "ordercheck/interpreter.hpp"
#include "ordercheck/scenarios/scenario.hpp"

namespace ordercheck::scenarios {

template <class Sync, variant V>
using handle_cache_of = std::conditional_t<V == variant::reference, reference::handle_cache<Sync>,
                                           upstream::handle_cache<Sync>>;

// A handle: a Python object with static lifetime. slow() writes its field
// once, when it creates it, before returning it.
template <class Sync>
struct handle_object {
  typename Sync::template plain<int> field{0};
};

// Each scenario is written over the cache type (`Cache`) and bound to a
// variant by an alias, so that tests can run the same scenario over a broken
// fixture (model/tests/strength/).

// Threads 0 and 1 belong to interpreter A, thread 2 to interpreter B. Each
// calls ptr_or twice (a miss, then usually a hit) and checks every result.
template <class Sync, class Cache, contract C>
class handle_cache_two_claimants_one_other_over {
 public:
  static constexpr unsigned thread_count = 3;
  static constexpr unsigned calls_per_thread = 2;
  static constexpr const char* name = "two_claimants_one_other";

  void before() {
    interpreters_[0].name = "A";
    interpreters_[1].name = "B";
  }

  void thread(unsigned index) {
    const unsigned interpreter_index = interpreter_of(index);
    const interpreter* self = &interpreters_[interpreter_index];
    for (unsigned call = 0; call < calls_per_thread; ++call) {
      python_object* result = gil_.with(interpreter_index, [&] {
        return cache_.ptr_or(self, [&] { return slow(index, interpreter_index); });
      });
      // Payload touch after the call: the handle's creator wrote its field in
      // slow(); whoever gets the handle must see that write.
      const int creator = creator_of(result);
      Sync::assert_that(creator >= 0,
                        "handle_cache: ptr_or must return a handle that slow() made");
      Sync::assert_that(interpreter_of(static_cast<unsigned>(creator)) == interpreter_index,
                        "handle_cache: ptr_or must return a handle made for the caller's interpreter");
      Sync::assert_that(handles_[creator].field.load() == field_value(creator),
                        "handle_cache: the handle's fields must be visible to whoever gets it");
    }
  }

  void after() {}

 private:
  static unsigned interpreter_of(unsigned thread) { return thread < 2 ? 0 : 1; }
  static int field_value(int creator) { return 1000 + creator; }

  // The slow path: makes this thread's handle (once: a handle has static
  // lifetime) and returns it. Under gil_released_in_slow it runs without the GIL.
  python_object* slow(unsigned index, unsigned interpreter_index) {
    return gil_.released_in_slow_path(interpreter_index, [&] {
      if (!made_[index]) {
        handles_[index].field.store(field_value(static_cast<int>(index)));
        made_[index] = true;  // this thread's own bookkeeping
      }
      return reinterpret_cast<python_object*>(&handles_[index]);
    });
  }

  int creator_of(python_object* object) {
    for (unsigned i = 0; i < thread_count; ++i) {
      if (object == reinterpret_cast<python_object*>(&handles_[i])) return static_cast<int>(i);
    }
    return -1;
  }

  interpreter interpreters_[2] = {};
  handle_object<Sync> handles_[thread_count];
  bool made_[thread_count] = {};
  gil_set<Sync, C> gil_;
  Cache cache_;
};
template <class Sync, variant V, contract C>
using handle_cache_two_claimants_one_other =
    handle_cache_two_claimants_one_other_over<Sync, handle_cache_of<Sync, V>, C>;

// Re-entrancy (self-application): the claimant's own slow() asks the same
// cache for the same interpreter's handle. Thread 0 (interpreter A) calls
// ptr_or; on its miss, slow() makes handle 0 and then runs Python code that
// calls ptr_or again on this cache (holding the GIL, as Python code does:
// under gil_released_in_slow it has taken it back), whose own slow() makes
// handle 2. Thread 1 (interpreter A) calls ptr_or meanwhile. Each thread then
// calls ptr_or a second time. The reference handles a re-entrant miss as it
// does two threads' misses: the inner call claims and publishes, the outer
// one loses and returns the inner's handle. Upstream's outer claim finds the
// tag already A: its "shouldn't be possible" assertion, GIL or not. A cache
// that holds a lock of its own across slow() locks it twice here
// (model/tests/strength/ holds that fixture).
// Invariants asserted, besides each result's (as two_claimants_one_other):
//  - identity: every call of A returns the one handle that was published
//    (the cached handle is set at most once);
//  - count: a thread's second call hits (slow() does not run), and slow()
//    runs at most once per call, plus the one re-entrant call.
template <class Sync, class Cache, contract C>
class handle_cache_reentrant_slow_over {
 public:
  static constexpr unsigned thread_count = 2;
  static constexpr unsigned calls_per_thread = 2;
  static constexpr const char* name = "reentrant_slow";

  void before() { interpreter_.name = "A"; }

  void thread(unsigned index) {
    for (unsigned call = 0; call < calls_per_thread; ++call) {
      python_object* result = gil_.with(0, [&] {
        return cache_.ptr_or(&interpreter_, [&] {
          ++slow_calls_[index][call];
          python_object* own = make(index);
          if (index == 0 && call == 0) reenter();
          return own;
        });
      });
      check_result(result);
      results_[index][call] = result;
    }
  }

  void after() {
    // The published handle: a call now must hit (slow() must not run).
    bool slow_ran = false;
    python_object* published = cache_.ptr_or(&interpreter_, [&] {
      slow_ran = true;  // no GIL step here: after() holds none
      return reinterpret_cast<python_object*>(&handles_[0]);
    });
    Sync::assert_that(!slow_ran, "handle_cache: once a handle is published, ptr_or hits without calling slow()");
    for (unsigned index = 0; index < thread_count; ++index) {
      for (unsigned call = 0; call < calls_per_thread; ++call) {
        Sync::assert_that(results_[index][call] == published,
                          "handle_cache: every call of one interpreter returns the one published handle");
      }
      Sync::assert_that(slow_calls_[index][0] <= 1 && slow_calls_[index][1] == 0,
                        "handle_cache: slow() runs at most once per miss, and a second call hits");
    }
    Sync::assert_that(inner_slow_calls_ <= 1, "handle_cache: the re-entrant call runs slow() at most once");
    if (inner_result_ != nullptr) {
      Sync::assert_that(inner_result_ == published,
                        "handle_cache: the re-entrant call returns the one published handle");
    }
  }

 private:
  static constexpr unsigned handle_count = 3;  // thread 0's, thread 1's, the re-entrant call's
  static constexpr unsigned inner_handle = 2;
  static int field_value(unsigned creator) { return 1000 + static_cast<int>(creator); }

  // Makes handle `creator` (once: a handle has static lifetime) and returns it.
  // Under gil_released_in_slow it runs without the GIL.
  python_object* make(unsigned creator) {
    return gil_.released_in_slow_path(0, [&] {
      if (!made_[creator]) {
        handles_[creator].field.store(field_value(creator));
        made_[creator] = true;  // only creator's thread makes it
      }
      return reinterpret_cast<python_object*>(&handles_[creator]);
    });
  }

  // Thread 0's slow(), after it made its handle: Python code asks this cache
  // for A's handle again, on the same thread, before the outer call claimed.
  void reenter() {
    inner_result_ = cache_.ptr_or(&interpreter_, [&] {
      ++inner_slow_calls_;
      return make(inner_handle);
    });
    check_result(inner_result_);
  }

  void check_result(python_object* result) {
    int creator = -1;
    for (unsigned i = 0; i < handle_count; ++i) {
      if (result == reinterpret_cast<python_object*>(&handles_[i])) creator = static_cast<int>(i);
    }
    Sync::assert_that(creator >= 0, "handle_cache: ptr_or must return a handle that slow() made");
    // Payload touch after the call: whoever gets the handle must see its field.
    Sync::assert_that(handles_[creator].field.load() == field_value(static_cast<unsigned>(creator)),
                      "handle_cache: the handle's fields must be visible to whoever gets it");
  }

  interpreter interpreter_ = {};
  handle_object<Sync> handles_[handle_count];
  bool made_[handle_count] = {};
  python_object* results_[thread_count][calls_per_thread] = {};
  python_object* inner_result_ = nullptr;  // thread 0 only, then after()
  int slow_calls_[thread_count][calls_per_thread] = {};  // each thread its own row
  int inner_slow_calls_ = 0;                             // thread 0 only
  gil_set<Sync, C> gil_;
  Cache cache_;
};
template <class Sync, variant V, contract C>
using handle_cache_reentrant_slow = handle_cache_reentrant_slow_over<Sync, handle_cache_of<Sync, V>, C>;

}  // namespace ordercheck::scenarios
