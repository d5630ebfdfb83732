// Writing report and result files so that a run killed half-way never leaves a
// half-written file: write a temporary file beside the target, flush it to
// disk, then rename it over the target (rename is atomic on POSIX).
#pragma once

#include <string>

namespace ordercheck::results {

// Replaces `path` with `contents` atomically; throws std::runtime_error naming
// the path on failure.
void write_file_atomically(const std::string& path, const std::string& contents);

}  // namespace ordercheck::results
