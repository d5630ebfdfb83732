// The one-look overview at the top of report.txt and of the gate's output: one
// row per subject/variant/contract (grouped under a subject heading), one
// column per layer of the run, and one short mark per cell, so a gate failure
// stands out in a table of about 40 rows that fits page_width. The cells'
// expected and observed sets are in the per-cell table (cell_table_text) and in
// each finding's section.
#pragma once

#include "report_data.hpp"

#include <string>

namespace ordercheck::report {

// A cell's mark: "FAIL" (some check's observed verdict is not expected),
// "found" (a known defect found, as expected), "ok" (every check passed, as
// expected), "not seen" (every check passed, and some allowed a defect too:
// one real threads find only sometimes), or for the orders layer "K/N killed" (K of its N mutants killed).
std::string cell_mark(const cell& c);

// The matrix, its legend included; lines no longer than page_width. Layers
// are the run's, in gate order (model, stress, properties, properties-tsan,
// properties-model, orders, then any other in name order).
std::string summary_matrix_text(const run_results& results);

}  // namespace ordercheck::report
