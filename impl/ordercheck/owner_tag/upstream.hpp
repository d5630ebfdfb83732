// owner_tag, upstream variant: the logic of c10/core/impl/PyObjectSlot.h
// (2021 to 2025), defects included. The code we stand behind is reference.hpp.
//
// A slot tagged, at most once, with the interpreter that owns the object's
// Python wrapper, plus the wrapper pointer whose lowest bit says whether the
// C++ side owns the wrapper.
//  - init(self, wrapper, status) tags the slot (per `status`) and stores the
//    wrapper; tagged by another interpreter: ownership_error naming both.
//  - check(self) returns nullopt (untagged, or hermetic mode), the wrapper (which
//    can be null), or ownership_error when another interpreter owns the slot.
//  - owns() / set_owns(b) read and write the ownership bit.
//  - maybe_destroy() releases an owned wrapper through the tagged interpreter.
//
// Memory ordering: the tag is claimed with an acq_rel compare-and-swap and read
// with an acquire load, but the wrapper is a plain pointer stored *after* the
// tag, so the tag cannot publish it: a reader can see the tag before the
// pointer. Upstream relied on the GIL: "init calls with the same interpreter
// must be serialized by the GIL".
//
// Known defects without a GIL: two threads wrapping one object under
// maybe_uninitialized both pass (the loser takes the "already tagged by us"
// path) and both store a wrapper: a data race, and two wrappers for one object;
// a reader sees the tag before the pointer; set_owns is a plain
// read-modify-write that can lose an update.
#pragma once

#include <cstdint>
#include <optional>

#include "ordercheck/interpreter.hpp"
#include "ordercheck/owner_tag/status.hpp"

namespace ordercheck::upstream {

template <class Sync>
class owner_tag {
 public:
  using hermetic_mode = typename Sync::template thread_flag<hermetic_mode_tag>;

  python_object* init(const interpreter* self, python_object* wrapper, interpreter_status status) {
    const interpreter* expected = nullptr;
    switch (status) {
      case interpreter_status::definitely_uninitialized:
        // relaxed: the caller promises the object has not escaped to another thread.
        tag_.store(self, Sync::relaxed);
        break;
      case interpreter_status::tagged_by_us:
        break;
      case interpreter_status::maybe_uninitialized:
        // acq_rel as upstream; failure acquire (upstream's single-order form).
        if (tag_.compare_exchange_strong(expected, self, Sync::acq_rel, Sync::acquire)) break;
        // "Cannot happen by a race": assumed serialized by the GIL. Without one,
        // this is how a second thread of `self` goes on to store a second wrapper.
        if (expected == self) break;
        [[fallthrough]];
      case interpreter_status::tagged_by_other:
        // seq_cst: upstream's default-ordered load, only to name the owner.
        throw ownership_error("allocate a wrapper", self, tag_.load(Sync::seq_cst));
    }
    // Plain store after the tag: the ownership bit starts false.
    word_.store(reinterpret_cast<std::uintptr_t>(wrapper));
    return wrapper;
  }

  std::optional<python_object*> check(const interpreter* self, bool ignore_hermetic = false) const {
    // acquire: upstream pairs this with the claimant's acq_rel swap; it cannot
    // order the plain wrapper store that follows the swap.
    const interpreter* tag = tag_.load(Sync::acquire);
    if (tag == nullptr) return std::nullopt;
    if (tag == self) {
      if (!ignore_hermetic && hermetic_mode::get()) return std::nullopt;
      return untagged(word_.load());  // can still be null
    }
    // seq_cst: upstream's default-ordered load, only to name the owner.
    throw ownership_error("read the wrapper", self, tag_.load(Sync::seq_cst));
  }

  bool owns() const { return (word_.load() & owns_bit) != 0; }

  void set_owns(bool owns) {
    const std::uintptr_t word = word_.load();  // plain read-modify-write: can lose an update
    word_.store(owns ? (word | owns_bit) : (word & ~owns_bit));
  }

  void maybe_destroy() {
    if (!owns()) return;
    // acquire: as upstream, to see the interpreter that tagged the slot.
    const interpreter* owner = tag_.load(Sync::acquire);
    Sync::assert_that(owner != nullptr, "owner_tag: an owned wrapper must be tagged");
    python_object* wrapper = untagged(word_.load());
    Sync::assert_that(wrapper != nullptr, "owner_tag: an owned wrapper must not be null");
    if (owner->decref) owner->decref(*owner, wrapper);
    word_.store(0);
  }

  // The tagged interpreter, or null (racy by nature: a snapshot).
  const interpreter* owner() const { return tag_.load(Sync::acquire); }

 private:
  static constexpr std::uintptr_t owns_bit = 1;
  static python_object* untagged(std::uintptr_t word) {
    return reinterpret_cast<python_object*>(word & ~owns_bit);
  }

  typename Sync::template atomic<const interpreter*> tag_{nullptr};
  typename Sync::template plain<std::uintptr_t> word_{0};
};

}  // namespace ordercheck::upstream
