// A stress check: one scenario (or mix, or fixture) of one subject, variant and
// contract, with the verdicts it may produce, and how to run it in-process.
//
// Check ids are "subject/variant/contract/scenario", as in the model layer, so
// records of both layers line up cell by cell.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "harness/round_runner.hpp"
#include "harness/stress_settings.hpp"
#include "result_record.hpp"

namespace ordercheck::stress {

struct check {
  std::string subject;   // a declared subject (impl/ordercheck/<subject>/subject.hpp), or fixture
  std::string variant;   // reference, upstream, broken
  std::string contract;  // gil, gil_released_in_slow, free_threaded
  std::string scenario;  // the scenario's or mix's name
  // Verdicts that make the record match (see expected_verdicts.hpp for the rule).
  std::vector<results::verdict> expected;
  // What a round does, for the record's "scenario" field.
  std::string description;
  // Runs the check in this process (used by the child process; see isolation/).
  std::function<run_summary(const stress_settings&, const hang_handler&)> run;

  std::string id() const { return subject + "/" + variant + "/" + contract + "/" + scenario; }
};

}  // namespace ordercheck::stress
