#include "relacy/relacy_history.hpp"

#include "history_parser.hpp"

namespace ordercheck::properties {

void attach_relacy_history(cell_outcome& outcome, const std::string& relacy_history) {
  outcome.engine_history = relacy_history;
  if (relacy_history.empty()) return;
  model::parsed_history parsed = model::parse_history(relacy_history, ORDERCHECK_SOURCE_DIR);
  outcome.interleaving = std::move(parsed.steps);
  outcome.sites = std::move(parsed.sites);
}

}  // namespace ordercheck::properties
