#include "parallel_runs.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <stop_token>
#include <thread>

namespace ordercheck::stress {

void run_in_parallel(const std::string& executable, const std::vector<planned_run>& plan, unsigned jobs,
                     const std::function<void(std::size_t, isolated_run&&)>& on_done) {
  struct slot {
    std::optional<isolated_run> run;
    std::exception_ptr error;
    bool finished = false;
  };
  std::vector<slot> slots(plan.size());
  std::mutex mutex;  // guards slots
  std::condition_variable finished;
  // relaxed: only hands out distinct indices; each result travels through the mutex.
  std::atomic<std::size_t> next{0};

  // Declared after the shared state: on any exit the jthreads are asked to
  // stop and joined before that state is destroyed.
  std::vector<std::jthread> workers;
  const std::size_t worker_count = std::min<std::size_t>(std::max(jobs, 1u), plan.size());
  for (std::size_t w = 0; w < worker_count; ++w) {
    workers.emplace_back([&](std::stop_token stop) {
      while (!stop.stop_requested()) {
        const std::size_t i = next.fetch_add(1, std::memory_order_relaxed);
        if (i >= plan.size()) return;
        slot result;
        try {
          result.run = run_isolated(executable, *plan[i].c, plan[i].settings);
        } catch (...) {
          result.error = std::current_exception();
        }
        result.finished = true;
        {
          std::lock_guard<std::mutex> lock(mutex);
          slots[i] = std::move(result);
        }
        finished.notify_all();
      }
    });
  }

  for (std::size_t i = 0; i < plan.size(); ++i) {
    slot done;
    {
      std::unique_lock<std::mutex> lock(mutex);
      finished.wait(lock, [&] { return slots[i].finished; });
      done = std::move(slots[i]);
    }
    if (done.error) {
      for (std::jthread& worker : workers) worker.request_stop();
      std::rethrow_exception(done.error);
    }
    on_done(i, std::move(*done.run));
  }
}

}  // namespace ordercheck::stress
