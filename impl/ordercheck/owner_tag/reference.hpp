// owner_tag, reference variant: correct with or without a GIL.
//
// A slot tagged, at most once, with the interpreter that owns the object's
// Python wrapper, plus the wrapper pointer whose lowest bit says whether the
// C++ side owns the wrapper.
//  - init(self, wrapper, status) tags the slot (per `status`) and installs the
//    wrapper unless one is installed already; it returns the wrapper now in the
//    slot, which the caller must use (and drop its own when they differ).
//    Tagged by another interpreter: ownership_error naming both.
//  - check(self) returns nullopt (untagged, or hermetic mode), the wrapper (null
//    while the owner has claimed the tag but not yet installed it), or
//    ownership_error when another interpreter owns the slot.
//  - owns() / set_owns(b) read and write the ownership bit atomically.
//  - maybe_destroy() takes the wrapper out of the slot and, if it was owned,
//    releases it once through the tagged interpreter.
//
// Invariants: the tag is set at most once and never changes; at most one
// wrapper is ever installed; whoever reads the wrapper sees its contents;
// set_owns never loses an update; an owned wrapper is released exactly once.
//
// Memory ordering: the wrapper word is the publication point. It is installed
// with an acq_rel compare-and-swap (release to publish, acquire for the loser,
// who returns the winner's wrapper) and read with acquire loads, so a thread that
// sees the wrapper sees everything its creator wrote into it. The tag carries
// no data (interpreters outlive every slot), so its operations are relaxed: a
// reader that sees the tag but not yet the wrapper gets "no wrapper", as it
// would a moment earlier. The ownership bit is changed by acquire RMWs and read
// acquire, so whoever saw the word also sees the tag; no update of it is lost.
#pragma once

#include <cstdint>
#include <optional>

#include "ordercheck/interpreter.hpp"
#include "ordercheck/owner_tag/status.hpp"

namespace ordercheck::reference {

template <class Sync>
class owner_tag {
 public:
  using hermetic_mode = typename Sync::template thread_flag<hermetic_mode_tag>;

  python_object* init(const interpreter* self, python_object* wrapper, interpreter_status status) {
    const interpreter* expected = nullptr;
    switch (status) {
      case interpreter_status::definitely_uninitialized:
        // relaxed: the caller promises the object has not escaped to another
        // thread; whatever later shares the object orders this store.
        tag_.store(self, Sync::relaxed);
        break;
      case interpreter_status::tagged_by_us:
        break;
      case interpreter_status::maybe_uninitialized:
        // relaxed: the tag guards no data (see the header); a failure with the
        // tag already equal to self is a legal race between two of our threads.
        if (tag_.compare_exchange_strong(expected, self, Sync::relaxed, Sync::relaxed)) break;
        if (expected == self) break;
        throw ownership_error("allocate a wrapper", self, expected);
      case interpreter_status::tagged_by_other:
        // relaxed: only to name the owner in the error.
        throw ownership_error("allocate a wrapper", self, tag_.load(Sync::relaxed));
    }
    std::uintptr_t installed = 0;
    // Success publishes the wrapper's contents with its pointer (release);
    // failure returns the installed wrapper, so we must see its contents
    // (acquire). acq_rel, not release: C++11 forbids a failure order stronger
    // than the success order (Relacy's model runs it relaxed otherwise).
    if (word_.compare_exchange_strong(installed, reinterpret_cast<std::uintptr_t>(wrapper),
                                      Sync::acq_rel, Sync::acquire)) {
      return wrapper;
    }
    return untagged(installed);
  }

  std::optional<python_object*> check(const interpreter* self, bool ignore_hermetic = false) const {
    // relaxed: the tag guards no data; the wrapper is read with acquire below.
    const interpreter* tag = tag_.load(Sync::relaxed);
    if (tag == nullptr) return std::nullopt;
    if (tag == self) {
      if (!ignore_hermetic && hermetic_mode::get()) return std::nullopt;
      // acquire: pairs with the installer's release, so the wrapper's contents
      // are visible to the caller.
      return untagged(word_.load(Sync::acquire));
    }
    throw ownership_error("read the wrapper", self, tag);
  }

  // acquire: seeing the bit means a wrapper was installed; see its tag too.
  bool owns() const { return (word_.load(Sync::acquire) & owns_bit) != 0; }

  void set_owns(bool owns) {
    // acquire (both): having read the installed word, a later check must see
    // the installer's tag, never "untagged". An RMW loses no update.
    const std::uintptr_t before = owns ? word_.fetch_or(owns_bit, Sync::acquire)
                                       : word_.fetch_and(~owns_bit, Sync::acquire);
    Sync::assert_that(untagged(before) != nullptr || !owns,
                      "owner_tag: set_owns(true) needs an installed wrapper");
  }

  void maybe_destroy() {
    // acquire: the wrapper is released (its contents touched) by this thread,
    // so the installer's writes must be visible. The exchange takes the word
    // out, so two destroyers cannot both release it.
    const std::uintptr_t word = word_.exchange(0, Sync::acquire);
    if ((word & owns_bit) == 0) return;
    // relaxed: the tag guards no data; it only names whom to decref through.
    const interpreter* owner = tag_.load(Sync::relaxed);
    Sync::assert_that(owner != nullptr, "owner_tag: an owned wrapper must be tagged");
    python_object* wrapper = untagged(word);
    Sync::assert_that(wrapper != nullptr, "owner_tag: an owned wrapper must not be null");
    if (owner->decref) owner->decref(*owner, wrapper);
  }

  // The tagged interpreter, or null (a snapshot).
  const interpreter* owner() const { return tag_.load(Sync::relaxed); }

 private:
  static constexpr std::uintptr_t owns_bit = 1;
  static python_object* untagged(std::uintptr_t word) {
    return reinterpret_cast<python_object*>(word & ~owns_bit);
  }

  typename Sync::template atomic<const interpreter*> tag_{nullptr};
  typename Sync::template atomic<std::uintptr_t> word_{0};
};

}  // namespace ordercheck::reference
