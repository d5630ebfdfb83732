// junit.xml: one <testsuite> per layer, one <testcase> per cell (subject,
// variant, contract) of that layer; a mismatch is a <failure> whose text
// holds the message, the sites and the replay command.
#pragma once

#include "report_data.hpp"

#include <string>

namespace ordercheck::report {

std::string junit_report(const run_results& results);

}  // namespace ordercheck::report
