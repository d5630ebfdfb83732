// Builds with ORDERCHECK_PROPERTY_THREAD_CELLS=OFF (the model preset) have no
// real-thread cells: their properties layer runs the Relacy cells only, and
// the default, tsan and asan presets build and run the real-thread ones.
#include "cells/property_cell.hpp"

namespace ordercheck::properties {
std::vector<property_cell> real_thread_cells() { return {}; }
}  // namespace ordercheck::properties
