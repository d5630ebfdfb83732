// The round runner: the heart of the stress harness.
//
// A check is a sequence of rounds. In each round the main thread sets the
// round up (`before_round`), then T persistent worker threads are released
// together by a barrier, each waits a seeded random jitter and runs its part
// (`run_thread`), and after a second barrier the main thread checks the
// round's invariants (`after_round`). Rounds go on until the round limit, the
// time budget, the first failure, or a ThreadSanitizer report.
//
// A Round type provides:
//   void before_round(std::uint64_t round);   // main thread
//   void run_thread(thread_context& context); // worker context.thread
//   void after_round(std::uint64_t round);    // main thread
// Failures are exceptions: ordercheck::assertion_failure (Sync::assert_that)
// is an invariant violation; anything else thrown is a crash of the check.
//
// A watchdog turns a round that never finishes into a reported failure.
#pragma once

#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "jitter.hpp"
#include "ordercheck/sync/std_sync.hpp"
#include "progress_board.hpp"
#include "result_record.hpp"
#include "sanitizer_stop.hpp"
#include "spin_barrier.hpp"
#include "stress_settings.hpp"
#include "watchdog.hpp"

namespace ordercheck::stress {

// What a worker knows in one round.
class thread_context {
 public:
  thread_context(unsigned thread, std::uint64_t round, std::uint64_t seed, progress_board& board)
      : thread_(thread), round_(round), jitter_(round_thread_seed(seed, round, thread)), board_(board) {}

  unsigned thread() const { return thread_; }
  std::uint64_t round() const { return round_; }
  // A seeded random pause (spins or a yield) before the next operation.
  void pause() { jitter_.pause(); }
  // This thread's random source for the round (seeded like its jitter).
  random_source& random() { return jitter_.random(); }
  // Publishes the operation this thread is in (a string literal) for the watchdog.
  void doing(const char* operation) { board_.doing(thread_, round_, operation); }

 private:
  unsigned thread_;
  std::uint64_t round_;
  jitter jitter_;
  progress_board& board_;
};

// The first failure of a check.
struct round_failure {
  results::verdict kind = results::verdict::assertion;  // assertion or crash
  std::string message;
  std::uint64_t round = 0;
  std::string where;  // "thread 1", "after()", ...
};

struct run_summary {
  std::uint64_t rounds = 0;
  double wall_seconds = 0;
  // Seconds before the round that found something began (all of wall_seconds
  // when nothing was found): the exposure of a detection-rate measurement,
  // without the time ThreadSanitizer spends writing its report.
  double seconds_before_finding = 0;
  std::optional<round_failure> failure;
  bool stopped_by_sanitizer_report = false;
};

// Called by the watchdog with what every thread was doing, and the failure
// recorded before the hang if there was one; must end the process.
using hang_handler =
    std::function<void(const std::string& description, const std::optional<round_failure>& earlier_failure)>;

namespace detail {

class failure_slot {
 public:
  explicit failure_slot(progress_board& board) : board_(board) {}

  void record(results::verdict kind, std::string message, std::uint64_t round, std::string where) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!failure_) failure_ = round_failure{kind, std::move(message), round, std::move(where)};
    board_.note_failure();
  }
  // Runs `body`, recording what it throws.
  template <class Body>
  void guard(std::uint64_t round, const std::string& where, Body&& body) {
    try {
      body();
    } catch (const assertion_failure& failure) {
      record(results::verdict::assertion, failure.what(), round, where);
    } catch (const std::exception& failure) {
      record(results::verdict::crash, std::string("unexpected exception: ") + failure.what(), round, where);
    } catch (...) {
      record(results::verdict::crash, "unexpected exception of unknown type", round, where);
    }
  }
  bool failed() {
    std::lock_guard<std::mutex> lock(mutex_);
    return failure_.has_value();
  }
  std::optional<round_failure> take() {
    std::lock_guard<std::mutex> lock(mutex_);
    return failure_;
  }

 private:
  progress_board& board_;
  std::mutex mutex_;
  std::optional<round_failure> failure_;
};

}  // namespace detail

template <class Round>
run_summary run_rounds(const stress_settings& settings, unsigned thread_count, Round& round_body,
                       const hang_handler& on_hang) {
  progress_board board(thread_count);
  const unsigned main_thread = board.main_index();
  detail::failure_slot failures(board);
  // Written by the main thread before it arrives at the start barrier, read by
  // the workers after it: the barrier orders them.
  std::uint64_t current_round = 0;
  bool stop = false;
  spin_barrier start(thread_count + 1);
  spin_barrier finish(thread_count + 1);

  std::vector<std::thread> workers;
  workers.reserve(thread_count);
  for (unsigned t = 0; t < thread_count; ++t) {
    workers.emplace_back([&, t] {
      // The worker's own copy: current_round may only be read between the
      // start barrier and the end barrier, when the main thread leaves it be.
      std::uint64_t round = 0;
      for (;;) {
        board.doing(t, round, "waiting at the start barrier");
        start.arrive_and_wait();
        if (stop) return;
        round = current_round;
        thread_context context(t, round, settings.seed, board);
        context.pause();
        context.doing("run_thread()");
        failures.guard(round, "thread " + std::to_string(t), [&] { round_body.run_thread(context); });
        board.doing(t, round, "waiting at the end barrier");
        finish.arrive_and_wait();
      }
    });
  }

  run_summary summary;
  const std::uint64_t started = now_nanoseconds();
  const auto elapsed = [&] { return static_cast<double>(now_nanoseconds() - started) / 1e9; };
  {
    watchdog guard(board, settings.hang_seconds,
                   [&](const std::string& description) { on_hang(description, failures.take()); });
    double round_started = 0;
    for (std::uint64_t round = 0;; ++round) {
      // relaxed: a stop request; see sanitizer_stop.hpp.
      const bool sanitizer_stop = sanitizer_reported.load(std::memory_order_relaxed);
      summary.stopped_by_sanitizer_report = sanitizer_stop;
      if (failures.failed() || sanitizer_stop) {
        summary.seconds_before_finding = round_started;
        break;
      }
      round_started = elapsed();
      summary.seconds_before_finding = round_started;
      if (round >= settings.rounds || round_started >= settings.seconds) break;
      board.doing(main_thread, round, "before_round()");
      failures.guard(round, "before()", [&] { round_body.before_round(round); });
      if (failures.failed()) break;
      current_round = round;
      board.doing(main_thread, round, "waiting for the round's threads");
      start.arrive_and_wait();
      finish.arrive_and_wait();
      board.doing(main_thread, round, "after_round()");
      failures.guard(round, "after()", [&] { round_body.after_round(round); });
      board.round_completed(round);
      summary.rounds = round + 1;
    }
    stop = true;
    board.doing(main_thread, summary.rounds, "stopping the workers");
    start.arrive_and_wait();
    for (std::thread& worker : workers) worker.join();
  }
  summary.wall_seconds = elapsed();
  summary.failure = failures.take();
  return summary;
}

}  // namespace ordercheck::stress
