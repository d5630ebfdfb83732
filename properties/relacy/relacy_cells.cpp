// The Relacy cells: what each subject declares for
// Relacy (relacy/relacy_declarer.hpp runs them), subjects in table_row order,
// and the search bound they share.
#include "bounded_number.hpp"
#include "cells/declared_subjects.hpp"
#include "cells/property_cell.hpp"
#include "linearizability/parallel_program.hpp"

namespace ordercheck::properties {

// The search bound: programs of 2 or 3 threads of up to 3 operations (after a
// prefix of at most 2), every interleaving with up to 2 preemptions. The 16
// cells of the four first subjects together take about a second on 2 cores
// (README, "Properties layer"; the spinlock's reference adds about 2 s: its
// operations all touch one lock), so the bound is as wide as CI can afford,
// not as narrow as passes.
// Environment overrides for exploring further: ORDERCHECK_RELACY_PROGRAMS,
// ORDERCHECK_RELACY_CONTEXT_BOUND, ORDERCHECK_RELACY_MAX_THREADS (at most 4),
// ORDERCHECK_RELACY_MAX_OPERATIONS. Each is range-checked where it is read;
// relacy_cells() reads them all once, so a bad value is bad input (exit 2)
// before any cell runs.
namespace {
unsigned setting(const char* name, unsigned fallback, unsigned min, unsigned max) {
  return static_cast<unsigned>(results::whole_number_from_environment(name, fallback, min, max));
}
}  // namespace

program_shape relacy_shape() {
  // At most 4 threads: simulate_any_threads instantiates Relacy for 2 to 4.
  // At most 8 operations per thread: a bound on the interleavings of one
  // program, so one program cannot stall the layer; raise it here if needed.
  return {2, 2, setting("ORDERCHECK_RELACY_MAX_THREADS", 3, 2, 4),
          setting("ORDERCHECK_RELACY_MAX_OPERATIONS", 3, 1, 8)};
}
unsigned relacy_programs(unsigned fallback) { return setting("ORDERCHECK_RELACY_PROGRAMS", fallback, 1, 10'000'000); }
// Context bound 0 would explore no preemption: a check that cannot fail.
unsigned relacy_context_bound() { return setting("ORDERCHECK_RELACY_CONTEXT_BOUND", 2, 1, 64); }

std::vector<property_cell> relacy_cells() {
  // Bad overrides throw here, before any cell runs.
  static_cast<void>(relacy_shape());
  static_cast<void>(relacy_programs(1));
  static_cast<void>(relacy_context_bound());
  return cells_of(in_relacy::declared_subjects());
}

}  // namespace ordercheck::properties
