// Engine calibration: one minimal Relacy program per defect kind of the
// results schema. Each runs through the same path as the model cells
// (relacy_sync, relacy_test_suite, run_in_relacy, classify) and with the same
// compile flags (ordercheck::relacy), so a probe that is not reported with its
// kind shows a hole in the model layer itself. calibration_test.cpp has the
// table.
#pragma once

#include "cell.hpp"

namespace ordercheck::model::calibration {

enum class defect_probe {
  data_race_on_plain,         // two threads write a plain<int>, no ordering
  use_after_free_atomic,      // fetch_add on an atomic<int> of a deleted object
  use_after_free_plain,       // store to a plain<int> of a deleted object
  double_free,                // delete the same int twice
  leak,                       // new int, never deleted
  uninitialized_read,         // load an rl::var<int> no one stored to
  deadlock,                   // two mutexes taken in opposite orders
  livelock,                   // spin on a flag no thread sets
  failed_assertion,           // relacy_sync::assert_that(false, ...)
  clean,                      // release/acquire message passing: no defect
};

// Runs the probe under Relacy's random scheduler (seed 0, 2000 executions:
// every probe fails in its first executions, so the outcome is deterministic).
engine_outcome run_probe(defect_probe probe);

}  // namespace ordercheck::model::calibration
