// ordercheck-stress: runs the stress checks (scenarios, mixes and fixtures on
// real threads) and writes one results record per check.
//
//   ordercheck-stress --list
//   ordercheck-stress --run 'handle_cache/*/free_threaded/*' --seconds 2 --json out.jsonl
//   ordercheck-stress --run 'refcounted_deleter/upstream/*' --runs 20   (detection rates)
//   ordercheck-stress --json out/results/stress.jsonl --raw-reports out   (TSan's own reports in out/logs/)
//
// Runs --jobs children at once (default: the core count); records and progress
// lines come out in check order. Without --seconds each check gets its budget
// by need (check_budget.hpp) from stress/detection_rates.json.
//
// Exit status: 0 when every record matches its expected verdicts, 1 when one
// does not, 2 for bad input (one line on stderr says what and how to fix it).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>

#include "checks/check_registry.hpp"
#include "harness/sanitizer_stop.hpp"
#include "harness/stress_settings.hpp"
#include "isolation/child_mode.hpp"
#include "isolation/isolated_run.hpp"
#include "isolation/parallel_runs.hpp"
#include "isolation/repeated_runs.hpp"
#include "check_budget.hpp"
#include "detection_table.hpp"
#include "raw_reports.hpp"
#include "cli_numbers.hpp"
#include "in_flight.hpp"
#include "shard_selection.hpp"

namespace {

using namespace ordercheck::stress;

int bad_input(const std::string& what) {
  std::fprintf(stderr, "ordercheck-stress: %s\n", what.c_str());
  return 2;
}

std::uint64_t random_seed() {
  std::random_device device;
  return (static_cast<std::uint64_t>(device()) << 32 | device()) % 1'000'000'000ULL;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ordercheck-stress: the stress layer's checks on real threads (ThreadSanitizer in the tsan build)"};
  bool list = false;
  std::string pattern = "*";
  stress_settings settings;
  settings.threads = default_thread_count();
  std::uint64_t seed = 0;
  std::string json_path;
  std::string raw_reports_dir;
  unsigned runs = 1;
  std::vector<std::string> table_inputs;
  std::string child_check;
  std::string child_outcome_path;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::string rates_path = ORDERCHECK_STRESS_RATES_FILE;

  app.add_flag("--list", list, "list the check ids (subject/variant/contract/scenario) and exit");
  app.add_option("--run", pattern,
                 "glob over check ids; '*' means every subject check, fixtures need 'fixture/...'")
      ->capture_default_str();
  app.add_option("--threads", settings.threads, "threads of the random mixes (scenarios use their own count)")
      ->check(ordercheck::results::whole_number(1, 256))
      ->capture_default_str();
  app.add_option("--rounds", settings.rounds, "at most this many rounds per run")
      ->check(ordercheck::results::whole_number(1, 1'000'000'000'000))
      ->capture_default_str();
  auto* seconds_option =
      app.add_option("--seconds", settings.seconds, "time budget per run, in seconds (default: each check's budget by need)")
          ->check(ordercheck::results::positive_seconds(86400.0))
          ->check(CLI::Range(0.001, 86400.0));
  app.add_option("--hang-seconds", settings.hang_seconds, "a round silent this long is a hang (watchdog)")
      ->check(ordercheck::results::positive_seconds(86400.0))
      ->check(CLI::Range(0.1, 86400.0))
      ->capture_default_str();
  auto* seed_option = app.add_option("--seed", seed, "seed of the jitter and random operations (printed when random)")
      ->check(ordercheck::results::whole_number(0, std::numeric_limits<std::uint64_t>::max()));
  app.add_option("--json", json_path, "append one JSON Lines record per check to FILE (flushed per check)");
  app.add_option("--raw-reports", raw_reports_dir,
                 "keep ThreadSanitizer's own report of each finding in DIR/logs/stress-tsan/ (the record's raw_report)");
  app.add_option("--jobs", jobs, "run this many checks (child processes) at once")
      ->check(CLI::Range(1u, 256u))
      ->capture_default_str();
  auto* rates_option = app.add_option("--rates", rates_path,
                                      "measured detection rates that set the budgets by need (see README)")
                           ->capture_default_str();
  app.add_option("--runs", runs, "run each check N times (seeds S, S+1, ...) and record the detection rate")
      ->check(ordercheck::results::whole_number(1, 100000))
      ->capture_default_str();
  app.add_option("--detection-table", table_inputs,
                 "print the README's detection-rate table from two --runs JSON files: WITH_TSAN WITHOUT_TSAN")
      ->expected(2);
  app.add_option("--child-check", child_check)->group("");
  app.add_option("--child-outcome", child_outcome_path)->group("");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) return app.exit(error);
    return bad_input(std::string(error.what()) + " (see --help)");
  }
  settings.seed = seed_option->count() > 0 ? seed : random_seed();

  if (!child_check.empty()) {
    if (child_outcome_path.empty()) return bad_input("--child-check needs --child-outcome FILE");
    return run_child(child_check, child_outcome_path, settings);
  }

  if (!table_inputs.empty()) {
    try {
      std::printf("%s", detection_table(table_inputs[0], table_inputs[1]).c_str());
    } catch (const std::exception& error) {
      return bad_input(error.what());
    }
    return 0;
  }

  try {
    (void)all_checks();
  } catch (const std::invalid_argument& error) {  // a subject.hpp declares a cell wrongly
    return bad_input(error.what());
  }

  if (list) {
    for (const check& c : all_checks()) std::printf("%s\n", c.id().c_str());
    return 0;
  }

  std::vector<const check*> selected = select_checks(pattern);
  if (selected.empty()) return bad_input("no check matches '" + pattern + "' (see --list)");
  std::string shard_error;
  const auto shard = shard_from_environment(shard_error);
  if (!shard_error.empty()) return bad_input(shard_error);
  if (shard) selected = shard->select(selected);

  std::ofstream json;
  if (!json_path.empty()) {
    json.open(json_path, std::ios::app);
    if (!json) return bad_input("cannot open --json file '" + json_path + "' for appending");
  }
  if (!raw_reports_dir.empty()) {
    try {
      prepare_raw_reports(raw_reports_dir);
    } catch (const std::invalid_argument& error) {
      return bad_input(error.what());
    }
  }

  // Each check's settings: the budget by need unless --seconds was given.
  std::vector<stress_settings> check_settings(selected.size(), settings);
  std::vector<std::string> budget_reasons(selected.size());
  if (seconds_option->count() == 0) {
    detection_rates rates;
    try {
      rates = read_detection_rates(rates_path);
    } catch (const std::exception& error) {
      if (rates_option->count() > 0) return bad_input(error.what());
      std::fprintf(stderr, "ordercheck-stress: %s; every check gets the flat budget\n", error.what());
    }
    for (std::size_t i = 0; i < selected.size(); ++i) {
      const check_budget budget = budget_for(*selected[i], rates, engine_name(), budget_rule{settings.seconds});
      check_settings[i].seconds = budget.seconds;
      budget_reasons[i] = budget.reason;
    }
  }
  std::fprintf(stderr,
               "ordercheck-stress: seed %llu (replay with --seed %llu), %zu checks, %u run(s) each, %u at once, %s\n",
               static_cast<unsigned long long>(settings.seed), static_cast<unsigned long long>(settings.seed),
               selected.size(), runs, jobs, built_with_thread_sanitizer() ? "ThreadSanitizer" : "no sanitizer");
  std::vector<planned_run> plan;
  for (std::size_t i = 0; i < selected.size(); ++i) {
    for (unsigned run = 0; run < runs; ++run) {
      planned_run planned{selected[i], check_settings[i]};
      planned.settings.seed = settings.seed + run;
      plan.push_back(planned);
    }
  }

  const std::string executable = current_executable();
  const bool terminal = isatty(STDERR_FILENO) != 0;
  unsigned mismatches = 0;
  std::vector<isolated_run> runs_of_check;
  // The in-flight check a gate timeout names: the oldest one not yet handed
  // back (with --jobs > 1, later checks may be running beside it).
  if (!selected.empty()) ordercheck::results::announce_in_flight(selected.front()->id());
  run_in_parallel(executable, plan, jobs, [&](std::size_t index, isolated_run&& run) {
    const std::size_t i = index / runs;
    const check& c = *selected[i];
    runs_of_check.push_back(std::move(run));
    if (runs_of_check.size() < runs) {
      if (terminal) {
        std::fprintf(stderr, "\r[%zu/%zu] %s: run %zu/%u", i + 1, selected.size(), c.id().c_str(),
                     runs_of_check.size() + 1, runs);
      }
      return;
    }
    ordercheck::results::record r = fold_runs(c, check_settings[i], runs_of_check);
    const isolated_run* finding = first_finding(runs_of_check);
    if (!raw_reports_dir.empty() && finding != nullptr && !finding->sanitizer_log.empty()) {
      try {
        r.raw_report = keep_raw_report(raw_reports_dir, c.id(), finding->sanitizer_log);
      } catch (const std::exception& error) {  // the finding stays; only the link is lost
        std::fprintf(stderr, "ordercheck-stress: %s; this record names no raw report\n", error.what());
      }
    }
    runs_of_check.clear();
    if (!budget_reasons[i].empty()) r.engine_settings["budget"] = budget_reasons[i];
    if (terminal && runs > 1) std::fprintf(stderr, "\r\033[K");
    const bool matches = r.matches();
    mismatches += matches ? 0 : 1;
    std::fprintf(stderr, "[%zu/%zu] %s: %s, %s (%.1f s): %s\n", i + 1, selected.size(), c.id().c_str(),
                 ordercheck::results::verdict_name(r.observed), matches ? "as expected" : "NOT EXPECTED",
                 r.wall_seconds, r.message.c_str());
    if (json.is_open()) {
      json << ordercheck::results::to_json_line(r) << '\n';
      json.flush();
    }
    if (i + 1 < selected.size()) ordercheck::results::announce_in_flight(selected[i + 1]->id());
  });
  std::fprintf(stderr, "ordercheck-stress: %zu checks, %zu as expected, %u not (seed %llu)\n", selected.size(),
               selected.size() - mismatches, mismatches, static_cast<unsigned long long>(settings.seed));
  return mismatches == 0 ? 0 : 1;
}
