// Scenario strength runs (strength_runs.cpp): each broken fixture over every
// scenario of its subject, under the search that proves the reference cells.
#pragma once

#include <string>
#include <vector>

#include "cell.hpp"

namespace ordercheck::model::strength {

enum class broken_fixture {
  reset_destination_first,  // broken_self_share.hpp (refcounted_deleter)
  split_death_callback,     // broken_split_death_callback.hpp (code_context)
  reinit_resets_owns,       // broken_reinit_resets_owns.hpp (owner_tag)
  lock_across_slow,         // broken_lock_across_slow.hpp (handle_cache)
};

struct scenario_outcome {
  std::string scenario;
  engine_outcome outcome;
};

struct fixture_outcomes {
  std::vector<scenario_outcome> earlier;  // the subject's scenarios before the new shape
  scenario_outcome shape;                 // the new shape's scenario
};

// Runs `fixture` under the gil contract (under_gil) or free_threaded, each
// scenario under the search that proves its reference cells (strength_runs.cpp).
fixture_outcomes run_fixture(broken_fixture fixture, bool under_gil);

}  // namespace ordercheck::model::strength
