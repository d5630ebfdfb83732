// handle_cache, upstream variant: the logic of c10/core/PyHandleCache.h before
// PR #180669, defects included. It exists so the gate shows it finds them; the
// code we stand behind is reference.hpp beside this file.
//
// A one-slot cache from a C++ object to a handle (a Python object with static
// lifetime) for one interpreter. `ptr_or(self, slow)` returns the cached handle
// when `self` owns the slot; on a miss it calls `slow()` and tries to claim the
// slot for `self`; an interpreter that does not own the slot always gets
// `slow()`.
//
// Memory ordering: the claimant's compare-and-swap on the tag (acq_rel) is
// meant to synchronize with the reader's acquire load of the tag. It cannot
// publish the handle: the handle is a plain store made *after* the swap, so a
// reader that sees the tag can read the handle before it is written (a data
// race; a null result in practice). Upstream relied on the GIL to keep readers
// out until the claimant returned.
//
// Known defects (docs/design.md's verdict table):
//  - free-threaded: the publication race above; and two threads of one
//    interpreter can both miss, so the loser's swap fails with the tag already
//    equal to `self` and the "shouldn't be possible" assertion fires;
//  - gil_released_in_slow: the same assertion, when `slow()` lets the GIL go
//    between the miss and the swap.
#pragma once

#include "ordercheck/interpreter.hpp"

namespace ordercheck::upstream {

template <class Sync>
class handle_cache {
 public:
  template <class Slow>
  python_object* ptr_or(const interpreter* self, Slow&& slow) {
    // acquire: pairs with the claimant's acq_rel swap; upstream's intent is to
    // see the cached handle once the tag is seen (it cannot: see the header).
    const interpreter* tag = tag_.load(Sync::acquire);
    if (tag == self) return cached_.load();
    if (tag == nullptr) {
      python_object* value = slow();
      const interpreter* expected = nullptr;
      // acq_rel as upstream; on failure acquire (upstream's single-order form).
      if (tag_.compare_exchange_strong(expected, self, Sync::acq_rel, Sync::acquire)) {
        cached_.store(value);  // plain store after the tag is visible: the defect
        return value;
      }
      Sync::assert_that(expected != self,
                        "handle_cache: claim failed with the tag already equal to self "
                        "(\"this shouldn't be possible, as you should be GIL protected\")");
      return value;
    }
    return slow();
  }

 private:
  typename Sync::template atomic<const interpreter*> tag_{nullptr};
  typename Sync::template plain<python_object*> cached_{nullptr};
};

}  // namespace ordercheck::upstream
