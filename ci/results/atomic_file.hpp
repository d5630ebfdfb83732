// Writing report and result files so that a run killed half-way never leaves a
// half-written file: write a temporary file beside the target, flush it to
// disk, then rename it over the target (rename is atomic on POSIX).
#pragma once

#include <string>

namespace ordercheck::results {

// Replaces `path` with `contents` atomically; throws std::runtime_error naming
// the path on failure.
void write_file_atomically(const std::string& path, const std::string& contents);

// Checks, before any work, that `path` (given with `option`, e.g. "--json")
// can be written later: it is not a folder and its folder exists and is
// writable. Throws std::invalid_argument with one line saying what to change.
// An empty path (the option not given) passes.
void check_output_file(const std::string& option, const std::string& path);

}  // namespace ordercheck::results
