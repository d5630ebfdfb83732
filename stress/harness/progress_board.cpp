#include "progress_board.hpp"

#include <chrono>
#include <cstdio>

namespace ordercheck::stress {

std::uint64_t now_nanoseconds() {
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
          .count());
}

progress_board::progress_board(unsigned threads) : workers_(threads), slots_(new slot[threads + 1]) {
  const std::uint64_t now = now_nanoseconds();
  for (unsigned i = 0; i <= threads; ++i) slots_[i].since_nanoseconds.store(now, std::memory_order_relaxed);
  progress_nanoseconds_.store(now, std::memory_order_relaxed);
}

void progress_board::doing(unsigned thread, std::uint64_t round, const char* operation) {
  slot& s = slots_[thread];
  s.round.store(round, std::memory_order_relaxed);
  s.operation.store(operation, std::memory_order_relaxed);
  s.since_nanoseconds.store(now_nanoseconds(), std::memory_order_relaxed);
}

void progress_board::round_completed(std::uint64_t round) {
  completed_rounds_.store(round + 1, std::memory_order_relaxed);
  progress_nanoseconds_.store(now_nanoseconds(), std::memory_order_relaxed);
}

void progress_board::note_failure() { failure_noted_.store(true, std::memory_order_relaxed); }

bool progress_board::failure_noted() const { return failure_noted_.load(std::memory_order_relaxed); }

std::uint64_t progress_board::completed_rounds() const {
  return completed_rounds_.load(std::memory_order_relaxed);
}

// Seconds from `stamp` to now, never negative. The stamp is read before the
// clock: a worker may publish a newer stamp at any moment, and reading the
// clock first let `now - stamp` wrap around, which the watchdog took for a
// hang of 18446744073 s.
static double seconds_since(const std::atomic<std::uint64_t>& stamp) {
  const std::uint64_t then = stamp.load(std::memory_order_relaxed);
  const std::uint64_t now = now_nanoseconds();
  return now > then ? static_cast<double>(now - then) / 1e9 : 0.0;
}

double progress_board::seconds_since_progress() const { return seconds_since(progress_nanoseconds_); }

std::string progress_board::describe() const {
  std::string text;
  for (unsigned i = 0; i <= workers_; ++i) {
    const slot& s = slots_[i];
    const double seconds = seconds_since(s.since_nanoseconds);
    char who[32];
    if (i == workers_) {
      std::snprintf(who, sizeof who, "main thread");
    } else {
      std::snprintf(who, sizeof who, "thread %u", i);
    }
    char line[256];
    std::snprintf(line, sizeof line, "%s%s: round %llu, in %s for %.1f s", text.empty() ? "" : "; ", who,
                  static_cast<unsigned long long>(s.round.load(std::memory_order_relaxed)),
                  s.operation.load(std::memory_order_relaxed), seconds);
    text += line;
  }
  return text;
}

}  // namespace ordercheck::stress
