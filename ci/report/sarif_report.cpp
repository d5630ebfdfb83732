#include "sarif_report.hpp"

#include "compact_history.hpp"
#include "step_text.hpp"
#include "why_text.hpp"

#include <map>

namespace ordercheck::report {
namespace {

using nlohmann::json;

json physical_location(const std::string& file, int line) {
  return {{"physicalLocation",
           {{"artifactLocation", {{"uri", file}, {"uriBaseId", "%SRCROOT%"}}},
            {"region", {{"startLine", line < 1 ? 1 : line}}}}}};
}

// A "pass" that should have been a defect is its own rule: the gate lost a finding.
std::string rule_name(const record& r) {
  return is_defect(r) ? results::verdict_name(r.observed) : "expected_defect_not_found";
}

std::string rule_id(const record& r) { return "ordercheck/" + rule_name(r); }

// GitHub code scanning wants a full description and help on every rule.
json rule_for(const record& r) {
  const std::string verdict = rule_name(r);
  const std::string full =
      is_defect(r) ? "A concurrency check observed " + verdict +
                         ": an execution of the primitive under test that its contract forbids."
                   : "A check expected to find a known upstream defect passed instead: the gate lost a finding.";
  const std::string help = full + " Each result names the check, the layer and engine, the sites, and a replay "
                                  "command that re-runs the failing execution; the report's swimlane shows the "
                                  "interleaving step by step.";
  return {{"id", rule_id(r)},
          {"name", verdict},
          {"shortDescription", {{"text", "ordercheck found: " + verdict}}},
          {"fullDescription", {{"text", full}}},
          {"help", {{"text", help}, {"markdown", help}}},
          {"helpUri", "https://en.cppreference.com/w/cpp/atomic/memory_order"}};
}

// Where a result without a recorded site points (GitHub needs a location on
// every result): the first interleaving step with a file, else the variant's
// implementation header, else the gate script for the gate's own records.
json fallback_location(const record& r) {
  for (const auto& step : r.interleaving) {
    if (!step.file.empty()) {
      json location = physical_location(step.file, step.line);
      location["message"] = {{"text", "no site recorded: the first step of the interleaving"}};
      return location;
    }
  }
  const bool implementation = (r.variant == "reference" || r.variant == "upstream") &&
                              !r.subject.empty() && r.subject.find_first_of("()/ ") == std::string::npos;
  json location = physical_location(implementation ? "impl/ordercheck/" + r.subject + "/" + r.variant + ".hpp"
                                                   : std::string("ci/gate"),
                                    1);
  location["message"] = {{"text", implementation ? "no site recorded: the implementation under test"
                                                 : "no site recorded: the layer could not give its verdicts"}};
  return location;
}

// The compact interleaving (compact_history.hpp), or every step when `full`.
json code_flow(const record& r, bool full) {
  const auto shown = compact_interleaving(r, full);
  json thread_flows = json::array();
  for (int thread : threads_of(r)) {
    json locations = json::array();
    for (const auto& row : shown) {
      if (row.what != compact_row::kind::step || row.step->thread != thread) continue;
      const results::step& s = *row.step;
      json location = s.file.empty() ? json::object() : physical_location(s.file, s.line);
      location["message"] = {{"text", "thread " + std::to_string(thread) + ": " + step_action(s) +
                                          (s.function.empty() ? "" : " in " + s.function)}};
      locations.push_back({{"location", location}, {"executionOrder", row.number}});
    }
    if (!locations.empty()) thread_flows.push_back({{"id", "thread " + std::to_string(thread)}, {"locations", locations}});
  }
  const std::size_t steps = shown_steps(shown);
  const std::string text = steps == r.interleaving.size()
                               ? "the interleaving that shows it"
                               : "the interleaving that shows it (compact: " + std::to_string(steps) + " of " +
                                     std::to_string(r.interleaving.size()) + " steps; results.jsonl has all)";
  return {{"message", {{"text", text}}}, {"threadFlows", thread_flows}};
}

json result_for(const record& r, std::size_t rule_index, bool full_history) {
  const bool gate_failure = !r.matches();
  std::string text = r.check + ": observed " + results::verdict_name(r.observed) + ", expected " +
                     expected_text(r) + (gate_failure ? " (gate failure)" : " (expected upstream finding)");
  if (!r.message.empty()) text += ". " + r.message;
  if (const std::string why = why_text(r); !why.empty()) text += ". W" + why.substr(1);  // "Why: ..."

  json result = {{"ruleId", rule_id(r)},
                 {"ruleIndex", rule_index},
                 {"level", gate_failure ? "error" : "note"},
                 {"message", {{"text", text}}},
                 {"properties",
                  {{"check", r.check}, {"subject", r.subject}, {"variant", r.variant}, {"contract", r.contract},
                   {"layer", r.layer}, {"engine", r.engine}, {"gateFailure", gate_failure},
                   {"replay", replay_text(r)}}}};
  // The engine's own report (ThreadSanitizer's stacks), relative to the report folder.
  if (!r.raw_report.empty()) result["properties"]["rawReport"] = r.raw_report;
  if (const auto* site = primary_site(r)) {
    json location = physical_location(site->file, site->line);
    location["message"] = {{"text", (site->role.empty() ? "site" : site->role) + ": " + site_text(*site)}};
    result["locations"] = json::array({location});
    json related = json::array();
    for (std::size_t i = 1; i < r.sites.size(); ++i) {
      const auto& other = r.sites[i];
      if (other.file.empty()) continue;
      json related_location = physical_location(other.file, other.line);
      related_location["id"] = static_cast<int>(i);
      related_location["message"] = {{"text", (other.role.empty() ? "site" : other.role) + ": " + site_text(other)}};
      related.push_back(related_location);
    }
    if (!related.empty()) result["relatedLocations"] = related;
  }
  if (!result.contains("locations")) result["locations"] = json::array({fallback_location(r)});
  if (!r.interleaving.empty()) result["codeFlows"] = json::array({code_flow(r, full_history)});
  if (r.fix.searched) {
    // The checked repairs (the record's "fix"): a property, not a SARIF
    // `fixes` entry, which would need the replacement text of the line.
    json repairs = json::array();
    for (const auto& x : r.fix.repairs) {
      repairs.push_back({{"site", x.site}, {"from", x.from}, {"to", x.to}, {"executions", x.executions}});
    }
    result["properties"]["fix"] = {{"text", results::fix_text(r.fix)}, {"repairs", repairs},
                                   {"candidates", r.fix.candidates}, {"executions", r.fix.executions}};
  }
  return result;
}

}  // namespace

json sarif_report(const run_results& results) {
  json rules = json::array();
  std::map<std::string, std::size_t> rule_index;
  json sarif_results = json::array();
  for (const record& r : results.records) {
    if (!is_defect(r) && r.matches()) continue;
    if (is_mutant(r) && r.matches()) continue;  // mutation analysis, not a defect in the code (report.txt lists it)
    const auto id = rule_id(r);
    if (!rule_index.count(id)) {
      rule_index[id] = rules.size();
      rules.push_back(rule_for(r));
    }
    sarif_results.push_back(result_for(r, rule_index[id], results.full_history));
  }
  json driver = {{"name", "ordercheck"}, {"version", ORDERCHECK_VERSION}, {"rules", rules}};
  // Where users read about ordercheck: set at configure time
  // (-DORDERCHECK_INFORMATION_URI=...); left out rather than made up.
  const std::string information_uri = ORDERCHECK_INFORMATION_URI;
  if (!information_uri.empty()) driver["informationUri"] = information_uri;
  return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs",
           json::array({{{"tool",
                          {{"driver", driver}}},
                         {"originalUriBaseIds", {{"%SRCROOT%", {{"description", {{"text", "the repository root"}}}}}}},
                         {"results", sarif_results}}})}};
}

}  // namespace ordercheck::report
