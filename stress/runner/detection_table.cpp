#include "detection_table.hpp"

#include <map>
#include <sstream>

#include "checks/check_registry.hpp"
#include "isolation/repeated_runs.hpp"
#include "result_record.hpp"

namespace ordercheck::stress {
namespace {

std::string rate(const results::record* r, bool with_sanitizer) {
  if (r == nullptr) return "not run";
  const detection_counts c = counts_of(*r);
  std::ostringstream text;
  text << c.found << "/" << c.runs;
  if (c.found > 0) {
    text << " (";
    const char* separator = "";
    if (with_sanitizer && c.found_by_sanitizer > 0) {
      text << "TSan " << c.found_by_sanitizer;
      separator = ", ";
    }
    if (c.found_by_invariant > 0) {
      text << separator << "invariant " << c.found_by_invariant;
      separator = ", ";
    }
    if (c.found_by_crash > 0) text << separator << "crash " << c.found_by_crash;
    text << ")";
  }
  return text.str();
}

}  // namespace

std::string detection_table(const std::string& with_sanitizer_jsonl, const std::string& without_sanitizer_jsonl) {
  std::map<std::string, results::record> with_sanitizer;
  std::map<std::string, results::record> without_sanitizer;
  std::vector<std::string> order;
  for (auto& r : results::read_json_lines(with_sanitizer_jsonl)) {
    if (!with_sanitizer.count(r.check) && !without_sanitizer.count(r.check)) order.push_back(r.check);
    with_sanitizer[r.check] = r;
  }
  for (auto& r : results::read_json_lines(without_sanitizer_jsonl)) {
    if (!with_sanitizer.count(r.check) && !without_sanitizer.count(r.check)) order.push_back(r.check);
    without_sanitizer[r.check] = r;
  }
  std::ostringstream table;
  table << "| upstream defect | stress check | with TSan (found/runs) | without TSan (found/runs) | model time to detection |\n";
  table << "|---|---|---|---|---|\n";
  for (const std::string& id : order) {
    const results::record* a = with_sanitizer.count(id) ? &with_sanitizer[id] : nullptr;
    const results::record* b = without_sanitizer.count(id) ? &without_sanitizer[id] : nullptr;
    const results::record& any = a != nullptr ? *a : *b;
    const std::string scenario = id.substr(id.rfind('/') + 1);
    const std::string defect = declared_defect(any.subject, any.variant, any.contract, scenario);
    if (defect.empty()) continue;  // the contract hides the defect: not a detection cell
    table << "| " << any.subject << " / " << any.contract << ": " << defect << " | `" << scenario << "` | "
          << rate(a, true) << " | " << rate(b, false) << " | (from the model layer) |\n";
  }
  return table.str();
}

}  // namespace ordercheck::stress
