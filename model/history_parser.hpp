// Parses the history Relacy prints for a failing execution into the results
// schema's steps (thread, file, line, function, operation, order, value) and
// the sites a report names (the failing access, the other access of a race,
// where freed memory was freed). No Relacy here: the input is text.
#pragma once

#include <string>
#include <vector>

#include "result_record.hpp"

namespace ordercheck::model {

struct parsed_history {
  std::string failure;  // Relacy's failure line: "DATA RACE (data race detected)"
  std::vector<results::step> steps;
  std::vector<results::site> sites;
};

// `source_root` is stripped from file names ("/work/main/impl/..." ->
// "impl/..."); steps inside Relacy's own headers (its constructors' stores)
// are left out, phase markers ("[BEFORE END]") are kept.
parsed_history parse_history(const std::string& relacy_text, const std::string& source_root);

}  // namespace ordercheck::model
