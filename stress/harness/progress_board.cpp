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

double progress_board::seconds_since_progress() const {
  return static_cast<double>(now_nanoseconds() - progress_nanoseconds_.load(std::memory_order_relaxed)) / 1e9;
}

std::string progress_board::describe() const {
  const std::uint64_t now = now_nanoseconds();
  std::string text;
  for (unsigned i = 0; i <= workers_; ++i) {
    const slot& s = slots_[i];
    const double seconds =
        static_cast<double>(now - s.since_nanoseconds.load(std::memory_order_relaxed)) / 1e9;
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
