#include "watchdog.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace ordercheck::stress {

watchdog::watchdog(const progress_board& board, double hang_seconds, std::function<void(const std::string&)> on_hang)
    : board_(board), hang_seconds_(hang_seconds), on_hang_(std::move(on_hang)), thread_([this] { watch(); }) {}

watchdog::~watchdog() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void watchdog::watch() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, std::chrono::milliseconds(100));
    if (stopping_) return;
    const double limit = board_.failure_noted() ? std::min(hang_seconds_, after_failure_seconds) : hang_seconds_;
    if (board_.seconds_since_progress() < limit) continue;
    const std::string description = board_.describe();
    std::fprintf(stderr, "ordercheck-stress: watchdog: no round completed for %.1f s: %s\n", limit,
                 description.c_str());
    std::fflush(stderr);
    if (on_hang_) on_hang_(description);
    std::_Exit(hang_exit_status);
  }
}

}  // namespace ordercheck::stress
