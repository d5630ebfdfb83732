// ordercheck.sarif: SARIF 2.1.0, one result per defect (gate failures at
// level "error", expected upstream findings at level "note"), located at the
// impl/ line of the racing access (sites[0]), the other sites as related
// locations, and the interleaving as a code flow with one thread flow per
// thread. URIs are relative to %SRCROOT%, the repository root.
#pragma once

#include "report_data.hpp"

#include <nlohmann/json.hpp>

namespace ordercheck::report {

nlohmann::json sarif_report(const run_results& results);

}  // namespace ordercheck::report
