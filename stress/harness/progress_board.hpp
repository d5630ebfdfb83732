// What every thread of a running check is doing, published for the watchdog.
//
// Each worker (and the driving main thread) publishes its round and the
// operation it is in; the watchdog reads a snapshot when a round stops making
// progress and reports it. Operation names are string literals (static
// lifetime), so publishing one is a single pointer store.
//
// Memory ordering: every access is relaxed. The board is a diagnostic snapshot:
// a slightly stale entry in a hang report is harmless, and nothing else is read
// through it, so it must not add synchronization that would hide races from
// ThreadSanitizer.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

namespace ordercheck::stress {

class progress_board {
 public:
  // `threads` workers plus the main thread (index `threads`).
  explicit progress_board(unsigned threads);

  unsigned worker_count() const { return workers_; }
  unsigned main_index() const { return workers_; }

  // Thread `thread` is now in `operation` (a string literal) of round `round`.
  void doing(unsigned thread, std::uint64_t round, const char* operation);
  // The main thread finished round `round`: the check makes progress.
  void round_completed(std::uint64_t round);

  // A thread failed: the round may never finish (a thread that threw while
  // holding a scenario's GIL leaves it locked), so the watchdog waits less.
  void note_failure();
  bool failure_noted() const;

  std::uint64_t completed_rounds() const;
  double seconds_since_progress() const;
  // One line per thread: "thread 1: round 17, in thread() for 3.2 s".
  std::string describe() const;

 private:
  struct slot {
    // relaxed (all three): a diagnostic snapshot; see the header.
    std::atomic<std::uint64_t> round{0};
    std::atomic<const char*> operation{"not started"};
    std::atomic<std::uint64_t> since_nanoseconds{0};
  };
  unsigned workers_;
  std::unique_ptr<slot[]> slots_;
  // relaxed: read only by the watchdog, for its timing decision.
  std::atomic<std::uint64_t> completed_rounds_{0};
  std::atomic<std::uint64_t> progress_nanoseconds_{0};
  std::atomic<bool> failure_noted_{false};
};

// Monotonic clock in nanoseconds.
std::uint64_t now_nanoseconds();

}  // namespace ordercheck::stress
