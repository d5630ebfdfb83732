// report.html: one self-contained page (inline CSS and script, nothing
// fetched), no wider than the window: the overview matrix (rows
// subject/variant, columns contract x layer, one coloured chip per verdict,
// the expected sets in each cell's tooltip), then the gate failures (open)
// and the expected findings (folded), each with its interleaving drawn as
// swimlanes, one column per thread, then the orders layer's mutants. A small
// inline script checks the layout once the page is drawn (every step boxed,
// one column per thread, steps top to bottom in order, the page's width, the
// order of its sections) and records the outcome in data- attributes, which
// the headless-browser test reads.
#pragma once

#include "report_data.hpp"

#include <string>

namespace ordercheck::report {

std::string html_report(const run_results& results);

}  // namespace ordercheck::report
