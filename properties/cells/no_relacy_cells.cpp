// Builds without Relacy (every preset but model) have no Relacy cells.
#include "cells/property_cell.hpp"

namespace ordercheck::properties {
std::vector<property_cell> relacy_cells() { return {}; }
}  // namespace ordercheck::properties
