// The properties layer's operations history, as report.txt shows it.
//
// A linearizability finding's scenario holds the history it checked: a line
// "history (one column per thread; ...):" and then one row per operation,
// its cells separated by " | " and padded to a fixed width, so a long call
// ("init(A, tagged_by_other) -> ownership_error(owner 0) [1..2]") pushes
// the row's other cells out of their columns. The reports lay that table out
// again with text_table: columns as wide as their cells, wrapped to fit the
// page, and the "prefix" column left out when nothing ran before the threads.
#pragma once

#include <cstddef>
#include <string>

namespace ordercheck::report {

// `scenario` with each history table laid out again to fit `width` columns
// (the rest of the text unchanged). A scenario without one is returned as
// it is.
std::string tidy_history_tables(const std::string& scenario, std::size_t width);
// Whether `scenario` holds an operations history table.
bool has_history_table(const std::string& scenario);

}  // namespace ordercheck::report
