// Checks on every core for runners whose checks run in-process (the model and
// properties runners): each check runs in a forked child of the runner, up to
// `jobs` at once, and the parent hands the results back in check order, so
// records are written in the same order as a serial run, each as soon as it
// and every check before it are done.
//
// The parent itself runs no check, so it has one thread when it forks (a
// ThreadSanitizer build allows fork then). A child dies with its parent
// (PR_SET_PDEATHSIG): a runner killed half-way leaves no check running, and
// the records it wrote before are whole (the runners flush each line).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace ordercheck::results {

// What a forked check handed back.
struct forked_result {
  bool completed = false;  // the child returned from `work` and exited normally
  std::string payload;     // what `work` returned (when completed)
  std::string failure;     // one line, when not completed: the exception or the signal
};

// Runs work(0) .. work(count - 1), each in its own forked child, at most
// `jobs` (at least 1) at once, and calls on_done(i, result) in the parent for
// i = 0, 1, ... in that order. on_running(ids) is called in the parent with
// the indices running after each start and each end (for in-flight notes);
// it may be empty. Flushes stdout before each fork. Throws std::runtime_error
// when a child cannot be forked or its result read; whatever on_done or
// on_running throws propagates. On any exception the children still running
// are killed and reaped first.
void run_forked_in_order(std::size_t count, unsigned jobs, const std::function<std::string(std::size_t)>& work,
                         const std::function<void(std::size_t, forked_result&&)>& on_done,
                         const std::function<void(const std::vector<std::size_t>&)>& on_running = {});

}  // namespace ordercheck::results
