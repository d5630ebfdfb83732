// The cell registry: every cell of the verdict table, in a fixed order (the
// order --list prints and sharding counts in).
#pragma once

#include <vector>

#include "cell.hpp"

namespace ordercheck::model {

const std::vector<cell>& all_cells();

// One per subject, each in its own translation unit (Relacy instantiations
// compile slowly; four files build in parallel).
void add_owner_tag_cells(std::vector<cell>& cells);
void add_handle_cache_cells(std::vector<cell>& cells);
void add_refcounted_deleter_cells(std::vector<cell>& cells);
void add_code_context_cells(std::vector<cell>& cells);

}  // namespace ordercheck::model
