// --detection-stats: for each selected cell that expects a failure, how many
// executions and how much wall time random search takes to the first
// failure, over seeds 0..N-1 (median and worst), and which kinds it found.
// Prints a Markdown table (README's per-defect detection table).
#pragma once

#include <vector>

#include "cell.hpp"
#include "profiles.hpp"

namespace ordercheck::model {

// Returns 0 when every seed found a failure of an expected kind, else 1.
int print_detection_stats(const std::vector<const cell*>& cells, unsigned seeds,
                          const pass_overrides& overrides);

}  // namespace ordercheck::model
