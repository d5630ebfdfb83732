// report.html: one self-contained page (inline CSS and script, nothing
// fetched): the summary table, then each gate failure and expected finding
// with its interleaving drawn as swimlanes, one column per thread. A small
// inline script checks the layout once the page is drawn (every step boxed,
// one column per thread, steps top to bottom in order) and records the
// outcome in data-layout attributes, which the headless-browser test reads.
#pragma once

#include "report_data.hpp"

#include <string>

namespace ordercheck::report {

std::string html_report(const run_results& results);

}  // namespace ordercheck::report
