// handle_cache, reference variant: correct with or without a GIL.
//
// A one-slot cache from a C++ object to a handle (a Python object with static
// lifetime) for one interpreter. `ptr_or(self, slow)`:
//  - returns the cached handle when `self` owns the slot and the handle is
//    published;
//  - otherwise calls `slow()`, and, when the slot is free, claims it for `self`
//    and publishes that result;
//  - never asserts: two threads of one interpreter may both miss; each returns
//    a handle that `slow()` produced for `self` (the same object, since a handle
//    has static lifetime), and the first to publish is the one cached.
// An interpreter that does not own the slot always gets `slow()`.
//
// Invariants: the tag is set at most once and never changes; the cached handle
// is set at most once, only by a thread of the tagged interpreter; every result
// is a value `slow()` returned for `self`.
//
// Memory ordering: the handle is published by an acq_rel compare-and-swap on
// `cached_` (release to publish; acquire for the loser, who returns the
// winner's handle) and read by an acquire load, so whoever reads the handle also sees
// everything `slow()` wrote into the object before it was published. The tag
// needs no ordering of its own: it carries no data, it only decides who may
// publish, and a reader that sees the tag but not yet the handle simply misses.
// (Upstream fixed the same defect in 2026 by dropping the tag; we keep it so
// that other interpreters still bypass the cache, as the API promises.)
#pragma once

#include "ordercheck/interpreter.hpp"

namespace ordercheck::reference {

template <class Sync>
class handle_cache {
 public:
  template <class Slow>
  python_object* ptr_or(const interpreter* self, Slow&& slow) {
    // relaxed: the tag guards no data (the handle is published through
    // cached_), so no ordering is needed to decide hit-or-miss.
    const interpreter* tag = tag_.load(Sync::relaxed);
    if (tag == self) {
      // acquire: pairs with the release publication below, so the handle's
      // contents written by slow() are visible to us.
      python_object* cached = cached_.load(Sync::acquire);
      if (cached != nullptr) return cached;
    } else if (tag != nullptr) {
      return slow();  // another interpreter owns the slot
    }
    python_object* value = slow();
    const interpreter* expected = nullptr;
    // relaxed: claiming the tag publishes nothing; a failed claim with the tag
    // equal to self is a benign race between two threads of one interpreter.
    tag_.compare_exchange_strong(expected, self, Sync::relaxed, Sync::relaxed);
    if (expected != nullptr && expected != self) return value;  // lost to another interpreter
    python_object* unpublished = nullptr;
    // Success publishes what slow() wrote into *value (release); failure returns
    // the winner's handle, so we must see its writes (acquire). acq_rel, not
    // release: C++11 forbids a failure order stronger than the success order,
    // and a C++11 implementation (Relacy's model among them) would run the
    // failure path relaxed.
    if (cached_.compare_exchange_strong(unpublished, value, Sync::acq_rel, Sync::acquire)) {
      return value;
    }
    return unpublished;  // the first published handle for self
  }

 private:
  typename Sync::template atomic<const interpreter*> tag_{nullptr};
  typename Sync::template atomic<python_object*> cached_{nullptr};
};

}  // namespace ordercheck::reference
