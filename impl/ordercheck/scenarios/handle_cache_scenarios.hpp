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

// Threads 0 and 1 belong to interpreter A, thread 2 to interpreter B. Each
// calls ptr_or twice (a miss, then usually a hit) and checks every result.
template <class Sync, variant V, contract C>
class handle_cache_two_claimants_one_other {
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
  handle_cache_of<Sync, V> cache_;
};

}  // namespace ordercheck::scenarios
