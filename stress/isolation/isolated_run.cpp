#include "isolated_run.hpp"

#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "child_outcome.hpp"
#include "child_process.hpp"
#include "harness/sanitizer_stop.hpp"
#include "harness/watchdog.hpp"
#include "tsan/tsan_report.hpp"

namespace ordercheck::stress {
namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string format_seconds(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", seconds);
  return text;
}

// A scratch directory for one child's logs, removed when done.
class scratch_directory {
 public:
  scratch_directory() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/ordercheck-stress-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) {
      throw std::runtime_error("cannot create a scratch directory under " + pattern + ": " + std::strerror(errno));
    }
    path_ = pattern;
  }
  ~scratch_directory() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// The last non-empty line of a child's output, for a crash message.
std::string last_line(const std::string& text) {
  std::string last;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) last = line;
  }
  return last;
}

std::string thread_sanitizer_options(const fs::path& log_prefix) {
  std::string options;
  if (const char* existing = std::getenv("TSAN_OPTIONS")) options = std::string(existing) + " ";
  // halt_on_error=0: every distinct report is logged (the child stops at the
  // end of the round anyway, see sanitizer_stop.hpp); exitcode=66 marks a
  // child that reported.
  options += "log_path=" + log_prefix.string() + " halt_on_error=0 exitcode=66";
  for (const char* symbolizer : {"/usr/bin/llvm-symbolizer", "/usr/lib/llvm-14/bin/llvm-symbolizer"}) {
    if (access(symbolizer, X_OK) == 0) {
      options += std::string(" external_symbolizer_path=") + symbolizer;
      break;
    }
  }
  return options;
}

}  // namespace

const char* engine_name() { return built_with_thread_sanitizer() ? "tsan" : "threads"; }

std::string current_executable() {
  std::error_code error;
  const fs::path path = fs::read_symlink("/proc/self/exe", error);
  if (error) throw std::runtime_error("cannot find this executable (/proc/self/exe): " + error.message());
  return path.string();
}

std::string replay_command(const check& c, const stress_settings& settings) {
  return "ordercheck-stress --run '" + c.id() + "' --seed " + std::to_string(settings.seed) + " --threads " +
         std::to_string(settings.threads) + " --rounds " + std::to_string(settings.rounds) + " --seconds " +
         format_seconds(settings.seconds);
}

isolated_run run_isolated(const std::string& executable, const check& c, const stress_settings& settings) {
  scratch_directory scratch;
  const fs::path outcome_path = scratch.path() / "outcome.json";
  const fs::path output_path = scratch.path() / "output.txt";
  const fs::path log_prefix = scratch.path() / "tsan";

  const std::vector<std::string> arguments{executable,
                                           "--child-check",
                                           c.id(),
                                           "--child-outcome",
                                           outcome_path.string(),
                                           "--seed",
                                           std::to_string(settings.seed),
                                           "--threads",
                                           std::to_string(settings.threads),
                                           "--rounds",
                                           std::to_string(settings.rounds),
                                           "--seconds",
                                           std::to_string(settings.seconds),
                                           "--hang-seconds",
                                           std::to_string(settings.hang_seconds)};
  // The watchdog ends a hung child after hang_seconds; the deadline is the
  // last resort if the watchdog itself cannot run.
  const double deadline = settings.seconds + settings.hang_seconds + 30.0;
  const child_exit exit = run_child_process(arguments, {{"TSAN_OPTIONS", thread_sanitizer_options(log_prefix)}},
                                            output_path.string(), deadline);

  std::string sanitizer_log;
  for (const auto& entry : fs::directory_iterator(scratch.path())) {
    if (entry.path().filename().string().rfind("tsan", 0) == 0) sanitizer_log += read_text(entry.path());
  }
  const std::string output = read_text(output_path);
  // Without a log file (log_path unusable), TSan writes to stderr: the output.
  std::vector<tsan_report> reports = parse_tsan_reports(sanitizer_log.empty() ? output : sanitizer_log);
  std::optional<child_outcome> outcome;
  if (fs::exists(outcome_path)) outcome = read_child_outcome(outcome_path.string());

  isolated_run run;
  results::record& r = run.record;
  r.check = c.id();
  r.subject = c.subject;
  r.variant = c.variant;
  r.contract = c.contract;
  r.layer = "stress";
  r.engine = engine_name();
  r.expected = c.expected;
  r.scenario = c.description;
  r.seed = settings.seed;
  r.replay.token = "seed=" + std::to_string(settings.seed);
  r.replay.command = replay_command(c, settings);
  r.wall_seconds = exit.wall_seconds;
  if (outcome) r.iterations = outcome->rounds;
  run.exposure_seconds = outcome && outcome->verdict != results::verdict::timeout ? outcome->seconds_before_finding
                                                                                   : exit.wall_seconds;

  run.found_by_sanitizer = !reports.empty();
  if (run.found_by_sanitizer) run.sanitizer_log = sanitizer_log.empty() ? output : sanitizer_log;
  run.found_by_invariant = outcome && outcome->verdict == results::verdict::assertion;
  run.timed_out = exit.killed_at_deadline || (outcome && outcome->verdict == results::verdict::timeout);

  std::string invariant_part;
  if (outcome && outcome->verdict != results::verdict::pass) {
    invariant_part = std::string(results::verdict_name(outcome->verdict)) + ": " + outcome->message;
  }

  // What the child's end says, when it did not end normally.
  std::optional<results::verdict> crash_kind;
  std::string crash_part;
  if (exit.killed_at_deadline) {
    crash_kind = results::verdict::timeout;
    crash_part = "killed after " + format_seconds(exit.wall_seconds) + " s: the watchdog did not end the child";
  } else if (!exit.exited) {
    const bool glibc_double_free = output.find("double free") != std::string::npos;
    crash_kind = glibc_double_free ? results::verdict::double_free : results::verdict::crash;
    crash_part = std::string("the child died of signal ") + std::to_string(exit.signal) + " (" +
                 strsignal(exit.signal) + ")" + (last_line(output).empty() ? "" : ": " + last_line(output));
  } else if (exit.status != 0 && exit.status != 66 && exit.status != hang_exit_status) {
    crash_kind = results::verdict::crash;
    crash_part = "the child exited with status " + std::to_string(exit.status) +
                 (last_line(output).empty() ? "" : ": " + last_line(output));
  } else if (!outcome && reports.empty()) {
    crash_kind = results::verdict::error;
    crash_part = "the child wrote no outcome: " + last_line(output);
  }
  run.found_by_crash = crash_kind.has_value() && *crash_kind != results::verdict::timeout &&
                       *crash_kind != results::verdict::error;
  if (outcome && outcome->verdict == results::verdict::crash) run.found_by_crash = true;

  // One verdict: ThreadSanitizer's first report, else the child's own
  // failure, else how the child ended, else pass.
  std::string message;
  if (!reports.empty()) {
    r.observed = reports.front().kind;
    message = describe_tsan_report(reports.front(), r);
    if (reports.size() > 1) message += " (+" + std::to_string(reports.size() - 1) + " more reports)";
    if (!invariant_part.empty()) message += "; also " + invariant_part;
    if (!crash_part.empty()) message += "; also " + crash_part;
  } else if (outcome && outcome->verdict != results::verdict::pass) {
    r.observed = outcome->verdict;
    message = invariant_part;
    if (!crash_part.empty()) message += "; also " + crash_part;
  } else if (crash_kind) {
    r.observed = *crash_kind;
    message = crash_part;
  } else {
    r.observed = results::verdict::pass;
    message = "pass: " + std::to_string(outcome->rounds) + " rounds in " + format_seconds(outcome->wall_seconds) +
              " s, every invariant held" +
              (built_with_thread_sanitizer() ? ", no ThreadSanitizer report" : " (no sanitizer in this build)");
  }
  r.message = message;
  return run;
}

}  // namespace ordercheck::stress
