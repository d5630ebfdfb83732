// The ranges of the model's run settings, checked wherever a setting is read
// (command line, replay tokens): a value outside them is bad input (exit 2),
// never a silently weaker search.
#pragma once

namespace ordercheck::model {

// Executions of one random search: Relacy counts them in a 64-bit integer;
// 10^12 is days of searching, far past any profile.
inline constexpr unsigned long long max_iterations = 1'000'000'000'000ULL;
// Preemptions per thread of the context bound scheduler. 0 would explore no
// preemption at all (a check that cannot fail), so the bound starts at 1.
inline constexpr unsigned long long max_context_bound = 64;
// The seed picks executions seed * seed_stride + 1 onwards (cell.hpp): with
// seed at most 10^12 that stays below 2^64 even after max_iterations more.
inline constexpr unsigned long long max_seed = 1'000'000'000'000ULL;

}  // namespace ordercheck::model
