// The real-thread cells: what each subject declares for
// real threads (reference variants expected to pass under every contract,
// other variants expected to show their known defect, found with a measured,
// machine-dependent rate, and broken fixtures expected to be found every
// time), subjects in table_row order.
#include "cells/declared_subjects.hpp"
#include "cells/property_cell.hpp"

namespace ordercheck::properties {

std::vector<property_cell> real_thread_cells() { return cells_of(on_threads::declared_subjects()); }

}  // namespace ordercheck::properties
