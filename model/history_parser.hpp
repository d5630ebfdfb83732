// Parses the history Relacy prints for a failing execution into the results
// schema's steps (thread, file, line, function, operation, order, value,
// memory location) and the sites a report names (the failing access, the
// other access of a race, where freed memory was freed). No Relacy here: the
// input is text, and no input makes it throw or crash (no std::regex, no
// std::stoi: numbers out of range make a line "not an event").
#pragma once

#include <string>
#include <vector>

#include "result_record.hpp"

namespace ordercheck::model {

struct parsed_history {
  // Relacy's failure line: "DATA RACE (data race detected)" ("" if none).
  std::string failure;
  // What the failure line says, in the schema's words: an unknown line is
  // engine_error (never an assertion), no line at all is error.
  results::verdict kind = results::verdict::error;
  // Numbered 1..N without gaps; addresses are names (history_names.hpp).
  std::vector<results::step> steps;
  std::vector<results::site> sites;
};

// The schema's verdict for a Relacy failure line ("DATA RACE (...)" ->
// data_race, "ACCESS TO UNINITIALIZED VARIABLE" -> uninitialized_read);
// engine_error for a line that is none of Relacy's known results.
results::verdict failure_kind(const std::string& failure_line);

// `source_root` is stripped from file names ("/work/main/impl/..." ->
// "impl/..."); steps inside Relacy's own headers (its constructors' stores)
// and the sync policy's bookkeeping events (store intents, object names) are
// left out, phase markers ("[BEFORE END]") are kept.
//
// Sites, in order: the failing access ("racing access", "access to freed
// memory", "uninitialized read", "second free", or "failure"), then
//  - for a data race, the other access: for a racing load, the latest store
//    to the location by another thread (every earlier store is ordered before
//    that one, or it would have raced first, so this is the store the load is
//    unordered with); for a racing store, the latest access by another thread;
//  - for a use after free, the free of the object the access is in;
//  - for a double free, the first free of the same object ("first free").
parsed_history parse_history(const std::string& relacy_text, const std::string& source_root);

}  // namespace ordercheck::model
