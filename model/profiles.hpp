// Profiles: which searches run for each cell. A cell's passes run in order
// and stop at the first failure.
//
// quick (CI): every cell; random search, 20,000 executions from the seed,
//   then the context bound scheduler with bound 2 (bound 1 for owner_tag,
//   whose bound-2 search takes 15-66 s). Cost on this machine (2 cores, one
//   used): see README "Model layer" (measured with --profile quick).
// deep (nightly): every cell; its proof search (full search where it
//   completes, else context bound 2, see cell::proof), then random search,
//   1,000,000 executions. Cost: see README.
#pragma once

#include <string>
#include <vector>

#include "cell.hpp"

namespace ordercheck::model {

inline constexpr unsigned long long quick_random_iterations = 20000;
inline constexpr unsigned long long deep_random_iterations = 1000000;

// Throws std::invalid_argument for an unknown profile name.
std::vector<run_settings> profile_passes(const std::string& profile, const cell& c);

// What the command line changes in a profile's passes.
struct pass_overrides {
  std::string scheduler;  // non-empty: one pass with this scheduler instead of the profile's
  unsigned long long iterations = 0;  // non-zero: every random pass
  unsigned context_bound = 0;         // non-zero: every bound pass
  unsigned long long seed = 0;        // every random pass
};
std::vector<run_settings> apply_overrides(std::vector<run_settings> passes, const pass_overrides& o);

std::string describe_pass(const run_settings& pass);

}  // namespace ordercheck::model
