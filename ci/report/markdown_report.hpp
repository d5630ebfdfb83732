// summary.md: a short Markdown summary for a CI job page ($GITHUB_STEP_SUMMARY):
// the verdict, the summary table, and one line per gate failure and finding.
#pragma once

#include "report_data.hpp"

#include <string>

namespace ordercheck::report {

std::string markdown_report(const run_results& results);

}  // namespace ordercheck::report
