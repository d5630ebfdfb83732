// ttas_spinlock, reference variant: a test-and-test-and-set spinlock.
//
// lock() tries to take the flag with an exchange; while another thread holds
// it, it spins on plain loads (which stay in the spinner's cache) and tries
// again once the flag reads free. unlock() clears the flag.
//
// Memory ordering: the lock is what orders the guarded data. unlock()'s store
// is a release and the exchange that takes the lock is an acquire, so
// everything the previous holder wrote inside the critical section happens
// before everything the next holder reads in it. The spinning load is
// relaxed: it only says when to try again; the exchange synchronizes.
//
// Header-only; include it and <ordercheck/sync/std_sync.hpp>.
#pragma once

namespace ordercheck::reference {

template <class Sync>
class ttas_spinlock {
 public:
  void lock() {
    for (;;) {
      // acquire: pairs with unlock()'s release store; the previous holder's
      // writes are visible to this holder.
      if (!locked_.exchange(true, Sync::acquire)) return;
      // relaxed: a hint to try again, not a synchronization.
      while (locked_.load(Sync::relaxed)) Sync::pause();
    }
  }

  void unlock() {
    // release: publishes this holder's writes to the next holder's acquire.
    locked_.store(false, Sync::release);
  }

 private:
  typename Sync::template atomic<bool> locked_{false};
};

}  // namespace ordercheck::reference
