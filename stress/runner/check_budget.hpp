// Budgets by need: how long one run of a check may take when the user gave no
// --seconds. The rule (README, "Budgets by need"):
//
//   A check's twin is the upstream check of the same subject, contract and
//   scenario (an upstream check is its own twin). When the twin's defect was
//   measured (stress/detection_rates.json, written by
//   stress/measure_detection_rates.sh) and found in k > 0 of its runs, which
//   ran E seconds of rounds before their findings (all of a run that found
//   nothing), detections are taken as a Poisson
//   process of rate k / E per second, and the budget is the time in which
//   the defect is found with probability 0.999: ln(1000) * E / k, clamped to
//   [floor, ceiling]. Otherwise (no twin, twin not measured, or found in no
//   run: its contract hides the defect) the flat budget.
//
// Every run still stops at its first finding (round_runner.hpp), so an
// upstream check that found its defect spends none of the rest.
#pragma once

#include <map>
#include <string>

#include "checks/check.hpp"

namespace ordercheck::stress {

// One check's measurement: found in `found` of `runs` runs that spent
// `exposure_seconds` of rounds before their findings.
struct measured_rate {
  unsigned runs = 0;
  unsigned found = 0;
  double exposure_seconds = 0;
};

// The measurements per engine ("tsan", "threads") and check id.
struct detection_rates {
  std::map<std::string, std::map<std::string, measured_rate>> by_engine;
  std::string source;  // the file they came from, for messages
};

// Reads stress/detection_rates.json. Throws std::runtime_error naming the file
// and what is wrong when it cannot be read or has the wrong shape.
detection_rates read_detection_rates(const std::string& path);

struct budget_rule {
  double flat_seconds = 1.0;     // no usable measurement
  double floor_seconds = 0.1;    // never less: a run must get past its start-up
  double ceiling_seconds = 2.0;  // never more: the gate's time is bounded (README lists who hits it)
  double confidence = 0.999;
};

struct check_budget {
  double seconds = 0;
  std::string reason;  // one line: which twin, its rate, and the rule's result
};

// The budget of `c` under `engine` ("tsan" or "threads").
check_budget budget_for(const check& c, const detection_rates& rates, const std::string& engine,
                        const budget_rule& rule = {});

}  // namespace ordercheck::stress
