// The expected verdicts of a stress check: the rule the gate reads.
//
// The gate treats a stress record's `matches` as its condition, so:
//  - a reference cell expects {pass}, strictly: any report, failed invariant,
//    crash or hang fails the gate;
//  - an upstream cell whose contract hides its defect (DESIGN.md's table says
//    "pass") expects {pass}, strictly, too;
//  - an upstream cell with a known defect is a MEASUREMENT: real threads find
//    the defect in some runs and not others, so it expects {pass} plus every
//    kind the defect can show as. CI never depends on luck; the record's
//    message and engine settings carry how often the defect was found.
// Timeouts and errors are never expected.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ordercheck/scenarios/scenario.hpp"
#include "result_record.hpp"

namespace ordercheck::stress {

// The kinds the upstream defect of `subject` can show as under `contract`;
// empty when the contract hides it.
std::vector<results::verdict> upstream_defect_kinds(std::string_view subject, contract c);

// DESIGN.md's words for that defect; empty when the contract hides it.
std::string upstream_defect_description(std::string_view subject, contract c);

std::vector<results::verdict> expected_verdicts(std::string_view subject, variant v, contract c);

}  // namespace ordercheck::stress
