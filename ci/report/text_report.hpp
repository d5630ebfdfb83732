// report.txt: the summary table, then every gate failure and every expected
// finding: the smallest scenario first, then the interleaving as a swimlane
// (one column per thread, each step with its impl/ file:line, operation,
// memory order and value; compact unless run_results::full_history), then
// the command that replays it. No line is longer than page_width.
#pragma once

#include "report_data.hpp"

#include <string>

namespace ordercheck::report {

// The verdict line and the summary table (what the gate prints).
std::string summary_text(const run_results& results);
// The swimlane of one record's interleaving (empty interleaving: a note):
// the compact one (compact_history.hpp), or every step when `full`.
std::string swimlane_text(const record& r, bool full = false);
// The whole report.
std::string text_report(const run_results& results);

}  // namespace ordercheck::report
