// What one stress check runs with: how many threads, how many rounds, how long,
// from which seed, and when a silent round counts as a hang.
#pragma once

#include <cstdint>

namespace ordercheck::stress {

struct stress_settings {
  // Threads for the larger mixes (a scenario always runs its own thread_count).
  unsigned threads = 2;
  // Upper bound on rounds; the time budget usually ends a check first.
  std::uint64_t rounds = 1'000'000;
  // Time budget of one check, in seconds.
  double seconds = 1.0;
  // Seeds every thread's jitter (and a mix's random operations).
  std::uint64_t seed = 1;
  // A round that makes no progress for this long is a hang: the watchdog
  // reports what every thread was doing and ends the process.
  double hang_seconds = 10.0;
};

// The core count, at least 2 (so threads can collide even on one core).
unsigned default_thread_count();

}  // namespace ordercheck::stress
