// The watchdog: turns a hang into a reported failure instead of a stuck job.
//
// It wakes a few times a second; when the board shows no completed round for
// `hang_seconds`, it hands the board's description (what every thread was
// doing) to `on_hang`, which reports it and ends the process. A check never
// waits on a hung thread: hung threads cannot be cancelled, only abandoned.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "progress_board.hpp"

namespace ordercheck::stress {

class watchdog {
 public:
  // `on_hang` receives the board's description and must not return (it ends
  // the process); if it does, the watchdog ends the process itself.
  watchdog(const progress_board& board, double hang_seconds, std::function<void(const std::string&)> on_hang);
  ~watchdog();

  watchdog(const watchdog&) = delete;
  watchdog& operator=(const watchdog&) = delete;

 private:
  void watch();

  const progress_board& board_;
  double hang_seconds_;
  static constexpr double after_failure_seconds = 1.0;
  std::function<void(const std::string&)> on_hang_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

// Exit status of a process that the watchdog ended.
inline constexpr int hang_exit_status = 3;

}  // namespace ordercheck::stress
