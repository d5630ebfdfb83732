#include "text_report.hpp"

#include "compact_history.hpp"
#include "history_table.hpp"
#include "step_text.hpp"
#include "summary_matrix.hpp"
#include "text_table.hpp"
#include "why_text.hpp"

#include <sstream>

namespace ordercheck::report {
namespace {

std::string indented(const std::string& text, const std::string& indent) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) out += indent + line + "\n";
  return out;
}

// The replay line, broken into lines of page_width with a shell line
// continuation ('\\' at the end), so it still pastes into a shell as one
// command: at a space where there is one (never inside a quoted glob), else
// inside a long unquoted token (a replay token).
std::string replay_lines(const std::string& replay) {
  const std::string text = "replay: " + replay;
  std::string out;
  std::size_t at = 0;
  while (text.size() - at > page_width) {
    const std::size_t limit = at + page_width - 2;
    std::size_t space = text.rfind(' ', limit);
    const std::size_t cut = space != std::string::npos && space > at ? space + 1 : limit;
    out += text.substr(at, cut - at) + "\\\n";
    at = cut;
  }
  return out + text.substr(at) + "\n";
}

std::string record_section(const record& r, const std::string& title, bool full_history) {
  std::ostringstream out;
  out << wrap_text("== " + title + ": " + r.check + "  [" + r.layer + ", " + r.engine + "]", page_width);
  out << wrap_text("expected " + expected_text(r) + ", observed " + results::verdict_name(r.observed) +
                       (r.message.empty() ? "" : ": " + r.message),
                   page_width);
  for (const auto& m : r.mutations) out << "mutation: " << m.site << " weakened to " << m.order << "\n";
  out << "\nscenario:\n"
      << (r.scenario.empty() ? "  (none recorded)\n"
                             : indented(wrap_text(tidy_history_tables(r.scenario, page_width - 2), page_width - 2), "  "));
  if (!r.sites.empty()) {
    out << "\nsites:\n";
    for (const auto& s : r.sites) {
      out << wrap_text("  " + (s.role.empty() ? std::string("site") : s.role) + ": " + site_text(s), page_width, "    ");
    }
  }
  if (const std::string why = why_text(r); !why.empty()) out << "\n" << wrap_text(why, page_width, "    ");
  if (const std::string fix = results::fix_text(r.fix); !fix.empty()) out << "\n" << wrap_text(fix, page_width, "    ");
  out << "\n" << swimlane_text(r, full_history);
  out << "\n" << replay_lines(replay_text(r)) << "\n";
  if (!r.raw_report.empty()) out << wrap_text(r.engine + "'s own report: " + r.raw_report, page_width, "    ");
  return out.str();
}

// One mutant: its outcome, what killed it (or why it likely survived), the replay.
std::string mutant_entry(const record& r) {
  std::string out = wrap_text("- " + mutant_outcome(r) + ": " + r.message, page_width, "    ");
  if (!r.replay.command.empty()) out += replay_lines(replay_text(r));
  return out + "\n";
}

// Every cell with its expected and observed sets, grouped by subject.
std::string cell_table_text(const run_results& results) {
  // No engine column: each layer has its engine (the sections above name it),
  // and the table must fit page_width.
  // "n": the cell's number of checks.
  text_table table({"variant/contract", "layer", "n", "expected", "observed", "result"});
  std::string subject;
  for (const cell& c : results.cells) {
    if (c.subject != subject) {
      subject = c.subject;
      table.add_row({subject + ":", "", "", "", "", ""});
    }
    table.add_row({c.variant + (c.contract.empty() ? "" : "/" + c.contract), c.layer,
                   std::to_string(c.records.size()), c.expected_text(), c.observed_text(), c.result_text()});
  }
  std::string out = table.render();
  out += "expected: a|b = any one of these verdicts; a, b = the cell's checks expect different sets\n";
  if (!results.mutants().empty()) {
    out += "orders: mutation analysis; a mutant weakens one atomic site one step, and is killed when a model cell fails\n";
  }
  return out;
}

}  // namespace

std::string summary_text(const run_results& results) {
  const auto failures = results.gate_failures();
  const auto findings = results.expected_findings();
  std::ostringstream out;
  out << "ordercheck: " << results.records.size() << " checks in " << results.cells.size() << " cells; "
      << failures.size() << " gate failure" << (failures.size() == 1 ? "" : "s") << ", " << findings.size()
      << " expected finding" << (findings.size() == 1 ? "" : "s") << "\n";
  out << (results.all_match() && !results.records.empty() ? "GATE: PASS (every observed verdict matches its expected one)\n"
                                                          : "GATE: FAIL\n");
  if (results.records.empty()) out << "(no results: nothing was checked, which is not a pass)\n";
  out << "\n" << summary_matrix_text(results);
  if (!failures.empty()) {
    out << "\ngate failures (report.txt has a section on each):\n";
    for (const record* r : failures) {
      out << wrap_text("  " + r->check + " [" + r->layer + "]: expected " + expected_text(*r) + ", observed " +
                           results::verdict_name(r->observed),
                       page_width, "      ");
    }
  }
  return out.str();
}

std::string swimlane_text(const record& r, bool full) {
  if (r.interleaving.empty()) {
    // A history on real threads: its calls and results are the scenario's table.
    const std::string note =
        has_history_table(r.scenario) ? " (the history above: each thread's calls, results and clock)" : "";
    return "interleaving: none recorded by engine '" + r.engine + "'" + note + "\n";
  }
  const auto threads = threads_of(r);
  std::vector<std::string> headers{"step"};
  for (int t : threads) headers.push_back("thread " + std::to_string(t));
  text_table table(headers);
  const auto rows = compact_interleaving(r, full);
  for (const auto& shown : rows) {
    std::vector<std::string> row(headers.size());
    if (shown.what == compact_row::kind::folded) {
      // In its thread's column when the stretch is one thread's, else the first.
      std::size_t column = 1;
      for (std::size_t i = 0; i < threads.size(); ++i) {
        if (threads[i] == shown.thread) column = i + 1;
      }
      row[0] = "...";
      row[column] = shown.text;
      table.add_row(row);
      continue;
    }
    const results::step& s = *shown.step;
    row[0] = std::to_string(shown.number);
    std::string cell = step_location(s);
    const std::string action = step_action(s);
    if (!action.empty()) cell += "\n  " + action;
    const std::string role = site_role_of(r, s);
    if (!role.empty()) cell += "\n  ^ " + role;
    for (std::size_t i = 0; i < threads.size(); ++i) {
      if (threads[i] == s.thread) row[i + 1] = cell;
    }
    table.add_row(row);
  }
  const std::string what = shown_steps(rows) == r.interleaving.size()
                               ? "interleaving, all " + std::to_string(r.interleaving.size()) + " steps"
                               : "interleaving, compact: " + std::to_string(shown_steps(rows)) + " of " +
                                     std::to_string(r.interleaving.size()) + " steps (--full-history for all)";
  return what + " (one column per thread; paths below impl/ordercheck/):\n" + table.render();
}

std::string text_report(const run_results& results) {
  std::string out = summary_text(results);
  const auto failures = results.gate_failures();
  const auto findings = results.expected_findings();
  if (!failures.empty()) {
    out += "\n\nGATE FAILURES: observed verdicts that do not match the expected ones (these fail the gate)\n\n";
    for (std::size_t i = 0; i < failures.size(); ++i) {
      out += record_section(*failures[i], "GATE FAILURE " + std::to_string(i + 1) + "/" + std::to_string(failures.size()),
                            results.full_history);
    }
  }
  if (!findings.empty()) {
    out += "\n\nEXPECTED FINDINGS: known upstream defects, found as expected (they do not fail the gate)\n\n";
    for (std::size_t i = 0; i < findings.size(); ++i) {
      out += record_section(*findings[i], "EXPECTED FINDING " + std::to_string(i + 1) + "/" + std::to_string(findings.size()),
                            results.full_history);
    }
  }
  if (const auto mutants = results.mutants(); !mutants.empty()) {
    out += "\n\nMUTATION ANALYSIS (layer orders): each mutant weakens one atomic site of a reference variant one step;\n"
           "killed: a model cell fails; survived: the order is stronger than any model needs (neither fails the gate)\n\n";
    for (const record* r : mutants) out += mutant_entry(*r);
  }
  if (!results.cells.empty()) out += "\n\nCELLS: expected and observed verdicts of every cell\n\n" + cell_table_text(results);
  return out;
}

}  // namespace ordercheck::report
