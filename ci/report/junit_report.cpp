#include "junit_report.hpp"

#include "step_text.hpp"
#include "xml_escape.hpp"

#include <cstdio>
#include <map>
#include <sstream>

namespace ordercheck::report {
namespace {

std::string seconds_text(double seconds) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", seconds);
  return buffer;
}

std::string failure_text(const cell& c) {
  std::ostringstream out;
  for (const record* r : c.records) {
    if (r->matches()) continue;
    out << r->check << " [" << r->engine << "]: expected " << expected_text(*r) << ", observed "
        << results::verdict_name(r->observed) << (r->message.empty() ? "" : ": " + r->message) << "\n";
    for (const auto& s : r->sites) out << "  " << (s.role.empty() ? "site" : s.role) << ": " << site_text(s) << "\n";
    out << "  replay: " << replay_text(*r) << "\n";
  }
  return out.str();
}

}  // namespace

std::string junit_report(const run_results& results) {
  std::map<std::string, std::vector<const cell*>> cells_by_layer;
  for (const cell& c : results.cells) cells_by_layer[c.layer].push_back(&c);
  std::size_t total_failures = 0;
  for (const cell& c : results.cells) total_failures += c.matches() ? 0 : 1;

  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"ordercheck\" tests=\"" << results.cells.size() << "\" failures=\"" << total_failures
      << "\">\n";
  if (results.cells.empty()) {
    // No records is a failure, never tests="0" failures="0" (which a CI reads as green).
    out.str("");
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<testsuites name=\"ordercheck\" tests=\"1\" failures=\"1\">\n"
        << "  <testsuite name=\"ordercheck\" tests=\"1\" failures=\"1\" errors=\"0\" skipped=\"0\" time=\"0.000\">\n"
        << "    <testcase classname=\"ordercheck\" name=\"results\" time=\"0.000\">\n"
        << "      <failure type=\"no_results\" message=\"no results were produced\">"
        << "The result files held no record: no check ran, so nothing passed.</failure>\n"
        << "    </testcase>\n  </testsuite>\n</testsuites>\n";
    return out.str();
  }
  for (const auto& [layer, cells] : cells_by_layer) {
    std::size_t failures = 0;
    double seconds = 0;
    for (const cell* c : cells) {
      failures += c->matches() ? 0 : 1;
      for (const record* r : c->records) seconds += r->wall_seconds;
    }
    out << "  <testsuite name=\"" << xml_escape(layer) << "\" tests=\"" << cells.size() << "\" failures=\""
        << failures << "\" errors=\"0\" skipped=\"0\" time=\"" << seconds_text(seconds) << "\">\n";
    for (const cell* c : cells) {
      double cell_seconds = 0;
      for (const record* r : c->records) cell_seconds += r->wall_seconds;
      out << "    <testcase classname=\"ordercheck." << xml_escape(layer) << "\" name=\"" << xml_escape(c->name())
          << "\" time=\"" << seconds_text(cell_seconds) << "\"";
      if (c->matches()) {
        out << "/>\n";
        continue;
      }
      out << ">\n      <failure type=\"" << xml_escape(c->observed_text()) << "\" message=\""
          << xml_escape("expected " + c->expected_text() + ", observed " + c->observed_text()) << "\">"
          << xml_escape(failure_text(*c)) << "</failure>\n    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
  return out.str();
}

}  // namespace ordercheck::report
