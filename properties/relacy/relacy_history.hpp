// A Relacy-mode property finding in the model layer's words: Relacy's own
// history of the failing execution (mangled names, addresses, absolute
// paths) parsed into the record's interleaving and sites, which every report
// shows as the compact swimlane. No Relacy here: the input is text.
#pragma once

#include <string>

#include "cells/property_cell.hpp"

namespace ordercheck::properties {

// Keeps `relacy_history` in outcome.engine_history, and sets
// outcome.interleaving and outcome.sites from it (Relacy's
// output with output_history on), file names relative to the source tree
// (model/history_parser.hpp); leaves them empty for "" or text with no
// events. Throws nothing (the parser accepts any text).
void attach_relacy_history(cell_outcome& outcome, const std::string& relacy_history);

}  // namespace ordercheck::properties
