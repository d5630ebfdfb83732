#include "html_report.hpp"

#include "compact_history.hpp"
#include "history_table.hpp"
#include "step_text.hpp"
#include "text_table.hpp"
#include "why_text.hpp"
#include "xml_escape.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <tuple>
#include <utility>

namespace ordercheck::report {
namespace {

constexpr const char* style = R"(
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #1b1f24; background: #fff; }
h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 2px solid #ccd; }
.verdict-pass { color: #0a6b2d; } .verdict-fail { color: #b3161e; }
table.summary { border-collapse: collapse; } table.summary td, table.summary th { border: 1px solid #ccd; padding: 2px 8px; }
tr.mismatch td { background: #fde2e2; } tr.finding td { background: #fff4d6; }
details.record { margin: 0.6em 0; padding: 0.4em 1em; border: 1px solid #ccd; border-radius: 6px; }
details.record > summary { cursor: pointer; font-weight: bold; overflow-wrap: anywhere; }
details.gate-failure { border-left: 8px solid #b3161e; } details.expected-finding { border-left: 8px solid #d4a017; }
table.matrix { border-collapse: collapse; table-layout: fixed; width: 100%; font-size: 12px; }
table.matrix th, table.matrix td { border: 1px solid #ccd; padding: 2px 3px; text-align: center; overflow-wrap: anywhere; }
table.matrix th.row { text-align: left; width: 15em; }
table.matrix td.empty { background: #fafafa; }
.chip { display: inline-block; margin: 1px; padding: 0 2px; border-radius: 3px; color: #fff; font-weight: bold;
        font-size: 11px; white-space: nowrap; }
.v-pass { background: #0a6b2d; } .v-finding { background: #b7791f; } .v-mismatch { background: #b3161e; }
.v-killed { background: #1d4fa3; } .v-survived { background: #6b4fa3; }
table.mutants { border-collapse: collapse; width: 100%; font-size: 12px; table-layout: fixed; }
table.mutants td, table.mutants th { border: 1px solid #ccd; padding: 2px 6px; overflow-wrap: anywhere; vertical-align: top; }
pre { background: #f3f4f7; padding: 0.6em; white-space: pre-wrap; overflow-wrap: anywhere; }
code, .step { overflow-wrap: anywhere; }
.swimlane { display: grid; gap: 4px 10px; margin: 1em 0; }
.lane { background: #eef2fb; border-radius: 6px; z-index: 0; }
.lane-header { font-weight: bold; text-align: center; z-index: 1; }
.step-number { color: #667; text-align: right; font-family: monospace; z-index: 1; }
.step { z-index: 1; margin: 0 6px; padding: 4px 6px; background: #fff; border: 1px solid #99a; border-radius: 4px;
        font-family: monospace; font-size: 12px; }
.step.site { border: 2px solid #b3161e; background: #fff0f0; }
.step .where { color: #1d4fa3; } .step .role { color: #b3161e; font-weight: bold; }
.skipped { z-index: 1; color: #667; font-style: italic; font-size: 12px; padding: 0 6px; }
details.full-history > summary { cursor: pointer; color: #1d4fa3; }
)";

// Runs once the page is laid out: a swimlane is "ok" when each step has a
// box, steps of one thread share a column, there is one column per thread
// that has steps shown, and steps go down the page in step order. Swimlanes
// in a closed <details> (folded findings and full histories) are not laid
// out and not counted; with "#open-findings" in the address every finding
// is opened first (the headless-browser test uses it). The page's width
// (scrollWidth: wider than the window means horizontal scrolling) and the
// order of its sections (F: gate failure, E: expected finding) are recorded
// on <body> too.
constexpr const char* layout_check = R"(
(function () {
  if (location.hash === '#open-findings') {
    document.querySelectorAll('details.record').forEach(function (d) { d.open = true; });
  }
  var order = '';
  document.querySelectorAll('details.record').forEach(function (d) {
    order += d.classList.contains('gate-failure') ? 'F' : 'E';
  });
  document.body.dataset.sectionOrder = order;
  document.body.dataset.scrollWidth = String(document.documentElement.scrollWidth);
  document.body.dataset.windowWidth = String(window.innerWidth);
  var drawn = 0;
  document.querySelectorAll('.swimlane').forEach(function (lane) {
    if (lane.closest('details:not([open])')) return;
    var steps = Array.prototype.slice.call(lane.querySelectorAll('.step'));
    var columns = {}, threadColumn = {}, problem = '';
    var lastTop = -1;
    steps.forEach(function (step) {
      var box = step.getBoundingClientRect();
      if (box.width <= 0 || box.height <= 0) problem = 'step ' + step.dataset.step + ' has no box';
      var left = Math.round(box.left);
      columns[left] = true;
      var thread = step.dataset.thread;
      if (threadColumn[thread] === undefined) threadColumn[thread] = left;
      else if (threadColumn[thread] !== left) problem = 'thread ' + thread + ' spans two columns';
      if (box.top <= lastTop) problem = 'step ' + step.dataset.step + ' is not below the previous step';
      lastTop = box.top;
    });
    var columnCount = Object.keys(columns).length;
    var threadCount = Object.keys(threadColumn).length;
    if (!problem && columnCount !== threadCount) problem = columnCount + ' columns for ' + threadCount + ' threads';
    if (!problem && steps.length !== Number(lane.dataset.steps)) problem = steps.length + ' steps drawn of ' + lane.dataset.steps;
    lane.dataset.layout = problem ? 'broken: ' + problem : 'ok';
    lane.dataset.drawnColumns = String(columnCount);
    if (!problem) drawn += 1;
  });
  document.body.dataset.swimlanesDrawn = String(drawn);
})();
)";

std::string swimlane_html(const record& r, bool full) {
  const auto threads = threads_of(r);
  const auto shown = compact_interleaving(r, full);
  std::ostringstream out;
  out << "<div class=\"swimlane\" data-threads=\"" << threads.size() << "\" data-steps=\"" << shown_steps(shown)
      << "\" style=\"grid-template-columns: 3em repeat(" << threads.size() << ", minmax(0, 1fr));\">\n";
  const std::size_t rows = shown.size();
  for (std::size_t i = 0; i < threads.size(); ++i) {
    out << "<div class=\"lane-header\" style=\"grid-column: " << i + 2 << "; grid-row: 1;\">thread " << threads[i]
        << "</div>\n";
    out << "<div class=\"lane\" data-thread=\"" << threads[i] << "\" style=\"grid-column: " << i + 2
        << "; grid-row: 2 / span " << rows << ";\"></div>\n";
  }
  for (std::size_t row = 0; row < rows; ++row) {
    if (shown[row].what == compact_row::kind::folded) {
      out << "<div class=\"skipped\" style=\"grid-column: 2 / span " << threads.size() << "; grid-row: " << row + 2
          << ";\">" << xml_escape(shown[row].text) << "</div>\n";
      continue;
    }
    const auto& s = *shown[row].step;
    std::size_t column = 0;
    while (threads[column] != s.thread) ++column;
    const std::string role = site_role_of(r, s);
    out << "<div class=\"step-number\" style=\"grid-column: 1; grid-row: " << row + 2 << ";\">" << shown[row].number << "</div>\n";
    out << "<div class=\"step" << (role.empty() ? "" : " site") << "\" data-step=\"" << shown[row].number << "\" data-thread=\""
        << s.thread << "\" style=\"grid-column: " << column + 2 << "; grid-row: " << row + 2 << ";\">"
        << "<div class=\"where\">" << xml_escape(step_location(s)) << "</div>"
        << "<div class=\"what\">" << xml_escape(step_action(s)) << "</div>"
        << (role.empty() ? "" : "<div class=\"role\">&#9650; " + xml_escape(role) + "</div>") << "</div>\n";
  }
  out << "</div>\n";
  return out.str();
}

// A gate failure or an expected finding, folded to its one-line summary
// (gate failures start open).
std::string record_html(const record& r, bool gate_failure, bool full_history) {
  std::ostringstream out;
  out << "<details class=\"record " << (gate_failure ? "gate-failure" : "expected-finding") << "\" data-check=\""
      << xml_escape(r.check) << "\"" << (gate_failure ? " open" : "") << ">\n";
  out << "<summary>" << (gate_failure ? "Gate failure: " : "Expected finding: ") << xml_escape(r.check) << " <small>["
      << xml_escape(r.layer + ", " + r.engine) << "] " << results::verdict_name(r.observed) << "</small></summary>\n";
  out << "<p>expected <b>" << xml_escape(expected_text(r)) << "</b>, observed <b>"
      << results::verdict_name(r.observed) << "</b>" << (r.message.empty() ? "" : ": " + xml_escape(r.message))
      << "</p>\n";
  for (const auto& m : r.mutations) {
    out << "<p>mutation: " << xml_escape(m.site) << " weakened to " << xml_escape(m.order) << "</p>\n";
  }
  out << "<h4>Scenario</h4>\n<pre class=\"scenario\">"
      << xml_escape(r.scenario.empty() ? "(none recorded)" : tidy_history_tables(r.scenario, page_width))
      << "</pre>\n";
  if (!r.sites.empty()) {
    out << "<ul class=\"sites\">\n";
    for (const auto& s : r.sites) {
      out << "<li>" << xml_escape(s.role.empty() ? "site" : s.role) << ": <code>" << xml_escape(site_text(s))
          << "</code></li>\n";
    }
    out << "</ul>\n";
  }
  if (const std::string why = why_text(r); !why.empty()) out << "<p class=\"why\">" << xml_escape(why) << "</p>\n";
  if (const std::string fix = results::fix_text(r.fix); !fix.empty()) {
    out << "<pre class=\"fix\">" << xml_escape(fix) << "</pre>\n";
  }
  if (r.interleaving.empty()) {
    out << "<p>No interleaving recorded by engine " << xml_escape(r.engine) << ".</p>\n";
  } else {
    const auto compact = compact_interleaving(r, full_history);
    out << "<h4>Interleaving</h4>\n" << swimlane_html(r, full_history);
    if (shown_steps(compact) != r.interleaving.size()) {
      // The full history, folded; laid out only when opened.
      out << "<details class=\"full-history\"><summary>Full history: all " << r.interleaving.size()
          << " steps</summary>\n" << swimlane_html(r, true) << "</details>\n";
    }
  }
  out << "<p>Replay: <code>" << xml_escape(replay_text(r)) << "</code></p>\n";
  if (!r.raw_report.empty()) {  // relative to the report folder, as report.html is
    out << "<p>" << xml_escape(r.engine) << "'s own report: <a href=\"" << xml_escape(r.raw_report) << "\">"
        << xml_escape(r.raw_report) << "</a></p>\n";
  }
  out << "</details>\n";
  return out.str();
}

// Short names for the matrix's chips (the legend spells them out).
const char* verdict_short(results::verdict v) {
  using results::verdict;
  switch (v) {
    case verdict::pass: return "pass";
    case verdict::data_race: return "race";
    case verdict::use_after_free: return "uaf";
    case verdict::double_free: return "2free";
    case verdict::leak: return "leak";
    case verdict::assertion: return "assert";
    case verdict::deadlock: return "dead";
    case verdict::livelock: return "live";
    case verdict::linearizability_violation: return "lin";
    case verdict::timeout: return "time";
    case verdict::crash: return "crash";
    case verdict::error: return "error";
    case verdict::uninitialized_read: return "uninit";
    case verdict::engine_error: return "engine";
  }
  return "?";
}

// How a record reads in the matrix: its colour class and chip text.
std::pair<std::string, std::string> chip_of(const record& r) {
  if (!r.matches()) return {"v-mismatch", verdict_short(r.observed)};
  if (is_mutant(r)) return r.observed == results::verdict::pass ? std::pair{"v-survived", "surv"} : std::pair{"v-killed", "kill"};
  if (is_defect(r)) return {"v-finding", verdict_short(r.observed)};
  return {"v-pass", "pass"};
}

// Where a contract or a layer goes among the matrix's columns: the usual
// ones in a fixed order, any other after them by name.
std::size_t rank_of(const std::string& name, const std::vector<std::string>& order) {
  const auto at = std::find(order.begin(), order.end(), name);
  return static_cast<std::size_t>(at - order.begin());
}

// The overview: rows subject/variant, columns contract x layer, one chip per
// distinct verdict of the cell (mutants: "kill"/"surv"), the expected sets
// and the counts in the cell's tooltip.
std::string matrix_html(const run_results& results) {
  static const std::vector<std::string> contract_order{"gil", "gil_released_in_slow", "free_threaded", "none", ""};
  static const std::vector<std::string> layer_order{"model", "stress", "property", "properties", "properties-tsan",
                                                    "properties-model", "orders"};
  using column = std::pair<std::string, std::string>;  // contract, layer
  auto column_less = [](const column& a, const column& b) {
    return std::tuple(rank_of(a.first, contract_order), a.first, rank_of(a.second, layer_order), a.second) <
           std::tuple(rank_of(b.first, contract_order), b.first, rank_of(b.second, layer_order), b.second);
  };
  std::set<column, decltype(column_less)> columns(column_less);
  std::vector<std::string> rows;
  std::map<std::pair<std::string, column>, const cell*> at;
  for (const cell& c : results.cells) {
    const std::string row = c.subject + "/" + c.variant;
    if (std::find(rows.begin(), rows.end(), row) == rows.end()) rows.push_back(row);
    columns.insert({c.contract, c.layer});
    at[{row, {c.contract, c.layer}}] = &c;
  }
  std::ostringstream out;
  out << "<table class=\"matrix\">\n<tr><th class=\"row\" rowspan=\"2\">subject/variant</th>";
  for (auto it = columns.begin(); it != columns.end();) {
    const auto next = std::find_if(it, columns.end(), [&](const column& c) { return c.first != it->first; });
    out << "<th colspan=\"" << std::distance(it, next) << "\">" << xml_escape(it->first.empty() ? "any contract" : it->first)
        << "</th>";
    it = next;
  }
  out << "</tr>\n<tr>";
  for (const auto& c : columns) {
    // "properties-tsan" reads "prop-tsan" (the tooltip and the legend spell it out): the columns are narrow.
    std::string label = c.second;
    if (label.rfind("properties", 0) == 0) label.replace(0, 10, "prop");
    out << "<th title=\"layer " << xml_escape(c.second) << "\">" << xml_escape(label) << "</th>";
  }
  out << "</tr>\n";
  for (const auto& row : rows) {
    // A line may break after the '/' (a long subject name), nowhere else.
    std::string name = xml_escape(row);
    name.replace(name.find('/'), 1, "/<wbr>");
    out << "<tr><th class=\"row\">" << name << "</th>";
    for (const auto& col : columns) {
      const auto found = at.find({row, col});
      if (found == at.end()) {
        out << "<td class=\"empty\"></td>";
        continue;
      }
      const cell& c = *found->second;
      out << "<td title=\"" << xml_escape(c.name() + " [" + c.layer + "]: " + std::to_string(c.records.size()) +
                                          " checks; expected " + c.expected_text() + "; observed " + c.observed_text())
          << "\" data-result=\"" << (c.matches() ? "ok" : "mismatch") << "\">";
      std::vector<std::pair<std::string, std::string>> chips;
      for (const record* r : c.records) {
        const auto chip = chip_of(*r);
        if (std::find(chips.begin(), chips.end(), chip) == chips.end()) chips.push_back(chip);
      }
      for (const auto& [colour, text] : chips) out << "<span class=\"chip " << colour << "\">" << text << "</span>";
      out << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</table>\n<p class=\"legend\"><span class=\"chip v-pass\">pass</span> passed as expected "
         "<span class=\"chip v-finding\">race</span> upstream defect found as expected "
         "<span class=\"chip v-mismatch\">race</span> gate failure (not the expected verdict) "
         "<span class=\"chip v-killed\">kill</span> mutant killed <span class=\"chip v-survived\">surv</span> mutant "
         "survived (order stronger than any model needs). race: data_race, uaf: use_after_free, 2free: double_free, "
         "assert: assertion, lin: linearizability_violation, uninit: uninitialized_read, dead/live: deadlock/livelock, "
         "time: timeout. Layers: prop = properties (rapidcheck), prop-tsan = properties under ThreadSanitizer, "
         "prop-model = properties inside Relacy. Hover a cell for its expected and observed verdicts.</p>\n";
  return out.str();
}

// The orders layer's mutants, one row each.
std::string mutants_html(const std::vector<const record*>& mutants) {
  std::ostringstream out;
  out << "<table class=\"mutants\">\n<tr><th style=\"width: 12em;\">subject</th><th style=\"width: 20em;\">mutant</th>"
         "<th>outcome</th></tr>\n";
  for (const record* r : mutants) {
    const std::string site = r->mutations.empty() ? "" : r->mutations.front().site + " -> " + r->mutations.front().order;
    out << "<tr><td>" << xml_escape(r->subject) << "</td><td><code>" << xml_escape(site) << "</code></td><td><b>"
        << xml_escape(mutant_outcome(*r)) << "</b>: " << xml_escape(r->message) << "</td></tr>\n";
  }
  out << "</table>\n";
  return out.str();
}

}  // namespace

std::string html_report(const run_results& results) {
  const auto failures = results.gate_failures();
  const auto findings = results.expected_findings();
  const bool pass = results.all_match() && !results.records.empty();
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "script-src 'unsafe-inline'\">\n"
      << "<title>ordercheck report</title>\n<style>" << style << "</style>\n</head>\n<body>\n";
  out << "<h1>ordercheck report</h1>\n<p class=\"" << (pass ? "verdict-pass" : "verdict-fail") << "\"><b>Gate: "
      << (pass ? "PASS" : "FAIL") << "</b>. " << results.records.size() << " checks in " << results.cells.size()
      << " cells; " << failures.size() << " gate failures, " << findings.size() << " expected findings.</p>\n";
  out << matrix_html(results);
  if (!failures.empty()) {
    out << "<h2>Gate failures</h2>\n<p>Observed verdicts that do not match the expected ones: these fail the gate.</p>\n";
    for (const record* r : failures) out << record_html(*r, true, results.full_history);
  }
  if (!findings.empty()) {
    out << "<h2>Expected findings</h2>\n<p>Known upstream defects, found as expected: they do not fail the gate.</p>\n";
    for (const record* r : findings) out << record_html(*r, false, results.full_history);
  }
  if (const auto mutants = results.mutants(); !mutants.empty()) {
    out << "<h2>Mutation analysis (layer orders)</h2>\n<p>Each mutant weakens one atomic site of a reference variant "
           "one step. Killed: a model cell fails. Survived: the order is stronger than any model needs. Neither fails "
           "the gate.</p>\n"
        << mutants_html(mutants);
  }
  out << "<script>" << layout_check << "</script>\n</body>\n</html>\n";
  return out.str();
}

}  // namespace ordercheck::report
