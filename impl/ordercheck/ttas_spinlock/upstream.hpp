// ttas_spinlock, relaxed_acquire variant: the reference's lock with the
// acquire dropped from the exchange that takes the lock (a defect seen in real
// spinlocks: "the exchange is atomic, so it is enough").
//
// Memory ordering (broken on purpose): unlock()'s store is a release, but
// the exchange that takes the lock is relaxed, so nothing makes the previous
// holder's writes happen before the next holder's reads. The exchange is still
// atomic, so mutual exclusion in time holds and x86 hides the defect; the
// model checker and ThreadSanitizer report the guarded data as a data race.
//
// (The file is upstream.hpp because ci/orders mutates the sites of each
// subject's reference.hpp and treats upstream.hpp as the other variants.)
#pragma once

namespace ordercheck::relaxed_acquire {

template <class Sync>
class ttas_spinlock {
 public:
  void lock() {
    for (;;) {
      // relaxed: THE DEFECT. Should be acquire, to pair with unlock()'s release.
      if (!locked_.exchange(true, Sync::relaxed)) return;
      // relaxed: a hint to try again, not a synchronization.
      while (locked_.load(Sync::relaxed)) Sync::pause();
    }
  }

  void unlock() {
    // release: publishes this holder's writes (but nobody acquires them).
    locked_.store(false, Sync::release);
  }

 private:
  typename Sync::template atomic<bool> locked_{false};
};

}  // namespace ordercheck::relaxed_acquire
