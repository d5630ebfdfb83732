// The child side of an isolated run: runs one check in this process and
// writes its outcome file. The watchdog, on a hang, writes a timeout outcome
// naming what every thread was doing and ends the process.
#pragma once

#include <string>

#include "harness/stress_settings.hpp"

namespace ordercheck::stress {

// Returns the process exit status (0 when the outcome was written, 2 when the
// check id is unknown).
int run_child(const std::string& check_id, const std::string& outcome_path, const stress_settings& settings);

}  // namespace ordercheck::stress
