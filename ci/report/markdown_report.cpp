#include "markdown_report.hpp"

#include "step_text.hpp"

#include <sstream>

namespace ordercheck::report {
namespace {

// Table cells must not contain '|' or line breaks.
std::string table_cell(std::string text) {
  std::string out;
  for (char ch : text) {
    if (ch == '|') out += "\\|";
    else if (ch == '\n') out += ' ';
    else out += ch;
  }
  return out;
}

std::string record_line(const record& r) {
  std::string line = "- `" + r.check + "` [" + r.layer + ", " + r.engine + "]: expected " + expected_text(r) +
                     ", observed **" + results::verdict_name(r.observed) + "**";
  if (const auto* site = primary_site(r)) line += " at `" + site->file + ":" + std::to_string(site->line) + "`";
  line += "; replay: `" + replay_text(r) + "`\n";
  return line;
}

}  // namespace

std::string markdown_report(const run_results& results) {
  const auto failures = results.gate_failures();
  const auto findings = results.expected_findings();
  const bool pass = results.all_match() && !results.records.empty();
  std::ostringstream out;
  out << "## ordercheck: " << (pass ? "PASS" : "FAIL") << "\n\n";
  out << results.records.size() << " checks in " << results.cells.size() << " cells; " << failures.size()
      << " gate failures, " << findings.size() << " expected findings (known upstream defects, found).\n\n";
  out << "| subject/variant/contract | layer | engine | expected | observed | result |\n";
  out << "|---|---|---|---|---|---|\n";
  for (const cell& c : results.cells) {
    out << "| " << table_cell(c.name()) << " | " << table_cell(c.layer) << " | " << table_cell(c.engines_text())
        << " | " << table_cell(c.expected_text()) << " | " << table_cell(c.observed_text()) << " | "
        << (c.matches() ? c.result_text() : ":x: mismatch") << " |\n";
  }
  if (!failures.empty()) {
    out << "\n### Gate failures\n\n";
    for (const record* r : failures) out << record_line(*r);
  }
  if (!findings.empty()) {
    out << "\n<details><summary>Expected findings (" << findings.size() << ")</summary>\n\n";
    for (const record* r : findings) out << record_line(*r);
    out << "\n</details>\n";
  }
  out << "\nThe swimlanes are in `report.txt` and `report.html`; the code-scanning alerts come from `ordercheck.sarif`.\n";
  return out.str();
}

}  // namespace ordercheck::report
