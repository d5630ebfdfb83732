// The detection-rate table of the README: for each upstream cell with a known
// defect, how often the stress layer found it with ThreadSanitizer and
// without, read from two JSON Lines files that `ordercheck-stress --runs N`
// wrote (one from the tsan build, one from the default build).
#pragma once

#include <string>

namespace ordercheck::stress {

// Markdown. Throws std::runtime_error when a file cannot be read.
std::string detection_table(const std::string& with_sanitizer_jsonl, const std::string& without_sanitizer_jsonl);

}  // namespace ordercheck::stress
