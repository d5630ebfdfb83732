// A structural check of a SARIF 2.1.0 log: the properties and types that
// ordercheck relies on and that the SARIF 2.1.0 specification requires
// (sections 3.13 to 3.38). The full JSON-schema validation runs in
// sarif_schema_test.sh against the vendored official schema; this check runs
// everywhere, with no Python.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace ordercheck::report {

// Every problem found, each naming the JSON path; empty when the log is sound.
std::vector<std::string> sarif_structure_problems(const nlohmann::json& log);

}  // namespace ordercheck::report
