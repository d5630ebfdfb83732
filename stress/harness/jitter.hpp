// Seeded random jitter: a few spins or a yield before an operation, so the
// threads released by a round's barrier reach the primitive in a different
// order and at a different distance from each other every round.
//
// Deterministic per (seed, round, thread): the same seed gives the same jitter
// decisions, though real threads still interleave as the hardware pleases.
#pragma once

#include <cstdint>
#include <thread>

namespace ordercheck::stress {

// splitmix64: a small, fast generator with good output for any seed.
class random_source {
 public:
  explicit random_source(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // A value in [0, bound); bound > 0.
  std::uint64_t below(std::uint64_t bound) { return next() % bound; }
  bool one_in(std::uint64_t n) { return below(n) == 0; }

 private:
  std::uint64_t state_;
};

// The seed of thread `thread`'s jitter in round `round` of a check seeded `seed`.
inline std::uint64_t round_thread_seed(std::uint64_t seed, std::uint64_t round, unsigned thread) {
  random_source mix(seed ^ (round * 0x2545f4914f6cdd1dULL) ^ (std::uint64_t{thread} << 56));
  return mix.next();
}

class jitter {
 public:
  explicit jitter(std::uint64_t seed) : random_(seed) {}

  // Before an operation: usually nothing or a short spin (threads collide
  // closely), sometimes a longer spin, now and then a yield (the other thread
  // runs a whole operation first).
  void pause() {
    const std::uint64_t choice = random_.below(16);
    if (choice < 6) return;
    if (choice < 13) return spin(random_.below(64));
    if (choice < 15) return spin(random_.below(2048));
    std::this_thread::yield();
  }

  random_source& random() { return random_; }

 private:
  static void spin(std::uint64_t iterations) {
    for (std::uint64_t i = 0; i < iterations; ++i) {
      // An empty asm with a memory clobber: the compiler keeps the loop.
      asm volatile("" ::: "memory");
    }
  }
  random_source random_;
};

}  // namespace ordercheck::stress
