#include "html_report.hpp"

#include "compact_history.hpp"
#include "step_text.hpp"
#include "xml_escape.hpp"

#include <sstream>

namespace ordercheck::report {
namespace {

constexpr const char* style = R"(
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #1b1f24; background: #fff; }
h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 2px solid #ccd; }
.verdict-pass { color: #0a6b2d; } .verdict-fail { color: #b3161e; }
table.summary { border-collapse: collapse; } table.summary td, table.summary th { border: 1px solid #ccd; padding: 2px 8px; }
tr.mismatch td { background: #fde2e2; } tr.finding td { background: #fff4d6; }
section.record { margin: 1.5em 0; padding: 1em; border: 1px solid #ccd; border-radius: 6px; }
section.gate-failure { border-left: 8px solid #b3161e; } section.expected-finding { border-left: 8px solid #d4a017; }
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
// in a closed <details> (the folded full histories) are not laid out and
// not counted.
constexpr const char* layout_check = R"(
(function () {
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
    out << "<div class=\"step-number\" style=\"grid-column: 1; grid-row: " << row + 2 << ";\">" << s.step << "</div>\n";
    out << "<div class=\"step" << (role.empty() ? "" : " site") << "\" data-step=\"" << s.step << "\" data-thread=\""
        << s.thread << "\" style=\"grid-column: " << column + 2 << "; grid-row: " << row + 2 << ";\">"
        << "<div class=\"where\">" << xml_escape(step_location(s)) << "</div>"
        << "<div class=\"what\">" << xml_escape(step_action(s)) << "</div>"
        << (role.empty() ? "" : "<div class=\"role\">&#9650; " + xml_escape(role) + "</div>") << "</div>\n";
  }
  out << "</div>\n";
  return out.str();
}

std::string record_html(const record& r, bool gate_failure, bool full_history) {
  std::ostringstream out;
  out << "<section class=\"record " << (gate_failure ? "gate-failure" : "expected-finding") << "\" data-check=\""
      << xml_escape(r.check) << "\">\n";
  out << "<h3>" << (gate_failure ? "Gate failure: " : "Expected finding: ") << xml_escape(r.check) << " <small>["
      << xml_escape(r.layer + ", " + r.engine) << "]</small></h3>\n";
  out << "<p>expected <b>" << xml_escape(expected_text(r)) << "</b>, observed <b>"
      << results::verdict_name(r.observed) << "</b>" << (r.message.empty() ? "" : ": " + xml_escape(r.message))
      << "</p>\n";
  for (const auto& m : r.mutations) {
    out << "<p>mutation: " << xml_escape(m.site) << " weakened to " << xml_escape(m.order) << "</p>\n";
  }
  out << "<h4>Scenario</h4>\n<pre class=\"scenario\">" << xml_escape(r.scenario.empty() ? "(none recorded)" : r.scenario)
      << "</pre>\n";
  if (!r.sites.empty()) {
    out << "<ul class=\"sites\">\n";
    for (const auto& s : r.sites) {
      out << "<li>" << xml_escape(s.role.empty() ? "site" : s.role) << ": <code>" << xml_escape(site_text(s))
          << "</code></li>\n";
    }
    out << "</ul>\n";
  }
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
  out << "</section>\n";
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
  out << "<table class=\"summary\">\n<tr><th>subject/variant/contract</th><th>layer</th><th>engine</th><th>checks</th>"
         "<th>expected</th><th>observed</th><th>result</th></tr>\n";
  for (const cell& c : results.cells) {
    bool finding = false;
    for (const record* r : c.records) finding = finding || is_defect(*r);
    const char* row_class = !c.matches() ? "mismatch" : finding ? "finding" : "ok";
    out << "<tr class=\"" << row_class << "\"><td>" << xml_escape(c.name()) << "</td><td>" << xml_escape(c.layer)
        << "</td><td>" << xml_escape(c.engines_text()) << "</td><td>" << c.records.size() << "</td><td>"
        << xml_escape(c.expected_text()) << "</td><td>" << xml_escape(c.observed_text()) << "</td><td>"
        << (!c.matches() ? "MISMATCH" : finding ? "ok (defect found)" : "ok") << "</td></tr>\n";
  }
  out << "</table>\n";
  if (!failures.empty()) {
    out << "<h2>Gate failures</h2>\n<p>Observed verdicts that do not match the expected ones: these fail the gate.</p>\n";
    for (const record* r : failures) out << record_html(*r, true, results.full_history);
  }
  if (!findings.empty()) {
    out << "<h2>Expected findings</h2>\n<p>Known upstream defects, found as expected: they do not fail the gate.</p>\n";
    for (const record* r : findings) out << record_html(*r, false, results.full_history);
  }
  out << "<script>" << layout_check << "</script>\n</body>\n</html>\n";
  return out.str();
}

}  // namespace ordercheck::report
