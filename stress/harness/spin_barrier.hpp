// A reusable barrier for the round runner, built on std::atomic so that
// ThreadSanitizer sees its happens-before edges (libstdc++'s std::barrier
// waits inside the uninstrumented library, and TSan then reports the round
// runner's own hand-offs as races).
//
// Memory ordering: every arrival is an acq_rel fetch_add on `arrived_`; the
// read-modify-writes form one release sequence, so the last arrival acquires
// everything every earlier arrival did before the barrier. It then publishes
// with a release increment of `generation_`, which each waiter reads with
// acquire: everything before the barrier, in any thread, happens before
// everything after it, in every thread. That is all a barrier orders: inside
// a round nothing else synchronizes the threads.
#pragma once

#include <atomic>
#include <cstdint>
#include <thread>

namespace ordercheck::stress {

class spin_barrier {
 public:
  explicit spin_barrier(unsigned participants) : participants_(participants) {}

  void arrive_and_wait() {
    // acquire: pairs with the release increment that ended the previous phase.
    const std::uint64_t generation = generation_.load(std::memory_order_acquire);
    // acq_rel: see the header (the arrivals' release sequence).
    if (arrived_.fetch_add(1, std::memory_order_acq_rel) + 1 == participants_) {
      // relaxed: ordered before the release increment below, which every next
      // arrival acquires before it arrives again.
      arrived_.store(0, std::memory_order_relaxed);
      // release: publishes every arrival's writes to the waiters.
      generation_.fetch_add(1, std::memory_order_release);
      return;
    }
    // acquire: pairs with the release increment above.
    for (unsigned spins = 0; generation_.load(std::memory_order_acquire) == generation; ++spins) {
      if (spins >= 64) std::this_thread::yield();
    }
  }

 private:
  const unsigned participants_;
  std::atomic<unsigned> arrived_{0};
  std::atomic<std::uint64_t> generation_{0};
};

}  // namespace ordercheck::stress
