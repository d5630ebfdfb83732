// The check a runner is about to run, for whoever supervises it: when the
// environment variable ORDERCHECK_IN_FLIGHT names a file, each runner writes
// the check's name there before starting it, so ci/gate can name the check in
// flight when a layer times out or crashes.
#pragma once

#include <string>

namespace ordercheck::results {

// Replaces the file $ORDERCHECK_IN_FLIGHT with `check` (atomically); does
// nothing when the variable is unset. A file that cannot be written is
// ignored: this is a diagnostic, never a verdict. Never throws.
void announce_in_flight(const std::string& check) noexcept;

}  // namespace ordercheck::results
