// ordercheck-report: reads result records (JSON Lines, from any layers and
// shards), merges them, and writes the reports into one folder, each file
// atomically. Exit 0 when every observed verdict matches its expected one,
// 1 when one does not (or there are no results), 2 for bad input.
#include "html_report.hpp"
#include "junit_report.hpp"
#include "markdown_report.hpp"
#include "report_data.hpp"
#include "sarif_report.hpp"
#include "text_report.hpp"

#include "atomic_file.hpp"

#include <CLI/CLI.hpp>

#include <signal.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <thread>

namespace {

namespace fs = std::filesystem;
using ordercheck::report::run_results;

struct output_format {
  const char* name;
  const char* file;
  std::function<std::string(const run_results&)> render;
};

const std::vector<output_format>& formats() {
  using namespace ordercheck::report;
  static const std::vector<output_format> all{
      {"json", "results.jsonl",
       [](const run_results& r) {
         std::string out;
         for (const auto& record : r.records) out += ordercheck::results::to_json_line(record) + "\n";
         return out;
       }},
      {"text", "report.txt", text_report},
      {"sarif", "ordercheck.sarif", [](const run_results& r) { return sarif_report(r).dump(2) + "\n"; }},
      {"junit", "junit.xml", junit_report},
      {"html", "report.html", html_report},
      {"markdown", "summary.md", markdown_report},
  };
  return all;
}

// A run killed after creating "<file>.tmp.<pid>" leaves it behind; remove
// those whose process is gone, so a finished run leaves only whole reports.
void remove_stale_temporaries(const fs::path& directory) {
  for (const auto& entry : fs::directory_iterator(directory)) {
    const std::string name = entry.path().filename().string();
    for (const auto& format : formats()) {
      const std::string prefix = std::string(format.file) + ".tmp.";
      if (name.rfind(prefix, 0) != 0) continue;
      const std::string pid_text = name.substr(prefix.size());
      if (pid_text.empty() || !std::all_of(pid_text.begin(), pid_text.end(), ::isdigit)) continue;
      const pid_t pid = static_cast<pid_t>(std::stol(pid_text));
      if (::kill(pid, 0) != 0 && errno == ESRCH) fs::remove(entry.path());
    }
  }
}

int fail_input(const std::string& what) {
  std::cerr << "ordercheck-report: " << what << " (see ordercheck-report --help)\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ordercheck-report: merge ordercheck result records (JSON Lines) and write the reports"};
  std::vector<std::string> inputs;
  std::string out_dir = "ordercheck-report";
  std::vector<std::string> wanted;
  bool print_summary = false;
  bool full_history = false;
  int slow_write_ms = 0;
  app.add_option("inputs", inputs, "result files (JSON Lines), from any layers and shards")->required()->check(CLI::ExistingFile);
  app.add_option("--out", out_dir, "folder for the reports (created if missing)")->capture_default_str();
  app.add_option("--format", wanted, "comma-separated: text,sarif,junit,html,markdown,json (default: all)")
      ->delimiter(',');
  app.add_flag("--print-summary", print_summary, "print the verdict and summary table on standard output");
  app.add_flag("--full-history", full_history,
               "show every step of each interleaving (default: the compact one; results.jsonl always has all)");
  // Test hook: pause between output files, so a test can kill the run mid-way.
  app.add_option("--slow-write-for-test", slow_write_ms)->group("");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return 0;
  } catch (const CLI::ParseError& e) {
    return fail_input(e.what());
  }

  std::vector<const output_format*> selected;
  for (const auto& format : formats()) {
    if (wanted.empty() || std::find(wanted.begin(), wanted.end(), format.name) != wanted.end()) {
      selected.push_back(&format);
    }
  }
  for (const auto& name : wanted) {
    const bool known = std::any_of(formats().begin(), formats().end(), [&](const auto& f) { return name == f.name; });
    if (!known) return fail_input("unknown --format '" + name + "' (one of text,sarif,junit,html,markdown,json)");
  }

  run_results results;
  try {
    results = ordercheck::report::read_results(inputs);
  } catch (const std::exception& e) {
    return fail_input(std::string("bad results file: ") + e.what());
  }
  results.full_history = full_history;

  try {
    fs::create_directories(out_dir);
    remove_stale_temporaries(out_dir);
    for (const output_format* format : selected) {
      const auto path = (fs::path(out_dir) / format->file).string();
      ordercheck::results::write_file_atomically(path, format->render(results));
      std::cerr << "ordercheck-report: wrote " << path << "\n";
      if (slow_write_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(slow_write_ms));
    }
  } catch (const std::exception& e) {
    std::cerr << "ordercheck-report: cannot write reports: " << e.what() << "\n";
    return 2;
  }
  if (print_summary) std::cout << ordercheck::report::summary_text(results);
  return results.all_match() && !results.records.empty() ? 0 : 1;
}
