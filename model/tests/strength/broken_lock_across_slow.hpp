// Broken fixture for the re-entrancy shape of handle_cache: the reference
// cache behind a lock of its own, held across ptr_or and so across slow()
// (meant to let one miss at a time call slow()). A slow() that calls ptr_or
// on the same cache locks it a second time on the same thread: a self-deadlock
// (Relacy: recursion on a non-recursive mutex), caught only by reentrant_slow.
// Threads that merely contend for it (two_claimants_one_other under gil or
// free_threaded) wait their turn and pass. Under gil_released_in_slow the
// lock also deadlocks against the GIL that slow() lets go and takes back, so
// two_claimants_one_other catches it there: the strength test uses gil and
// free_threaded, where only the re-entrant shape does.
#pragma once

#include "ordercheck/handle_cache/reference.hpp"

namespace ordercheck::model::strength {

template <class Sync>
class lock_across_slow_cache {
 public:
  template <class Slow>
  python_object* ptr_or(const interpreter* self, Slow&& slow) {
    lock_.lock();  // the slip: held while slow() runs
    const unlock_at_exit unlock{lock_};
    return cache_.ptr_or(self, slow);
  }

 private:
  struct unlock_at_exit {
    typename Sync::mutex& lock;
    ~unlock_at_exit() { lock.unlock(); }
  };

  typename Sync::mutex lock_;
  reference::handle_cache<Sync> cache_;
};

}  // namespace ordercheck::model::strength
