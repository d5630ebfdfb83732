// Keeping ThreadSanitizer's own report of each stress finding beside the
// gate's reports: the record names a parsed summary (sites, two stack tops),
// the kept file has everything TSan printed (every stack frame, where the
// memory was allocated, where each thread was created).
//
// Layout, inside a report folder DIR (ordercheck-stress --raw-reports DIR;
// the gate passes its own report folder):
//   DIR/logs/stress-tsan/<check id, '/' as '.'>.txt
// and the record's "raw_report" is that path relative to DIR, so a report
// read in DIR (report.txt, report.html) links it.
#pragma once

#include <string>

namespace ordercheck::stress {

// The folder, relative to a report folder, that raw reports go in.
inline constexpr const char* raw_report_folder = "logs/stress-tsan";

// Creates DIR/logs/stress-tsan before any check runs. Throws
// std::invalid_argument with one line saying what to change when DIR cannot
// hold it (not a folder, not writable).
void prepare_raw_reports(const std::string& report_dir);

// Writes `text` (TSan's log of one finding) as the check's raw report,
// atomically, and returns its path relative to `report_dir`. Throws
// std::runtime_error naming the file when it cannot be written.
std::string keep_raw_report(const std::string& report_dir, const std::string& check_id, const std::string& text);

}  // namespace ordercheck::stress
