// Runs many isolated runs (one child process each) a few at a time and hands
// their results back in plan order, so records and progress lines come out in
// the same order whatever finished first.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "isolated_run.hpp"

namespace ordercheck::stress {

// One child run: the check and the settings (seed, budget) it runs with.
struct planned_run {
  const check* c = nullptr;
  stress_settings settings;
};

// Runs every planned run, at most `jobs` (>= 1) children at once. Calls
// `on_done(i, run)` on the calling thread for i = 0, 1, ... in plan order, each
// as soon as runs 0..i have finished. Throws what run_isolated threw (a child
// that cannot start), in plan order, after the running children have ended;
// likewise an exception from on_done.
void run_in_parallel(const std::string& executable, const std::vector<planned_run>& plan, unsigned jobs,
                     const std::function<void(std::size_t, isolated_run&&)>& on_done);

}  // namespace ordercheck::stress
