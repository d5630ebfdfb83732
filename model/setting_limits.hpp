// The ranges of the model's run settings, checked wherever a setting is read
// (command line, replay tokens): a value outside them is bad input (exit 2),
// never a silently weaker search.
#pragma once

namespace ordercheck::model {

// Executions of one random search: Relacy counts them in a 64-bit integer;
// 10^12 is days of searching, far past any profile.
inline constexpr unsigned long long max_iterations = 1'000'000'000'000ULL;
// Preemptions per thread of the context bound scheduler. The command line
// starts at 1 (a bound-0 search runs each thread to its end between blocking
// points, too narrow to prove a cell); replay tokens accept 0, the
// simplest-schedule search's first bound.
inline constexpr unsigned long long max_context_bound = 64;
// The seed picks executions seed * seed_stride + 1 onwards (cell.hpp): with
// seed at most 10^12 that stays below 2^64 even after max_iterations more.
inline constexpr unsigned long long max_seed = 1'000'000'000'000ULL;

}  // namespace ordercheck::model
