// ordercheck-model: runs the Relacy models of the verdict table's cells.
//
//   ordercheck-model --list
//   ordercheck-model [--run GLOB]... [--profile quick|deep] [--scheduler random|bound|full]
//                    [--iterations N] [--context-bound K] [--seed S] [--mutate SITE=ORDER]...
//                    [--jobs N] [--json FILE] [--reached-sites FILE]
//   ordercheck-model --replay TOKEN [--full-history]
//   ordercheck-model --detection-stats SEEDS [--run GLOB]...
//
// Exit status: 0 when every cell run matches its expected verdict (kind
// included), 1 when one does not, 2 for bad input (one line on stderr).
// GTEST_TOTAL_SHARDS / GTEST_SHARD_INDEX: run only the cells whose index in
// --list's full order, modulo the total, is the shard index. --jobs N
// (default: the core count) runs N cells at once, each in a forked child
// (ci/results/forked_jobs.hpp); records and lines still come in cell order.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fnmatch.h>
#include <iostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "atomic_file.hpp"
#include "bad_input.hpp"
#include "call_site.hpp"
#include "cli_numbers.hpp"
#include "cell_run.hpp"
#include "cells.hpp"
#include "forked_jobs.hpp"
#include "detection_stats.hpp"
#include "in_flight.hpp"
#include "mutations.hpp"
#include "output_files.hpp"
#include "profiles.hpp"
#include "progress.hpp"
#include "replay_token.hpp"
#include "setting_limits.hpp"
#include "shard.hpp"
#include "text_report.hpp"
#include "why_text.hpp"

namespace ordercheck::model {
namespace {

struct options {
  bool list = false;
  std::vector<std::string> patterns;
  std::string profile = "quick";
  pass_overrides overrides;
  std::string replay;
  bool full_history = false;  // --replay prints Relacy's own history, not the compact swimlane
  std::vector<std::string> mutations;
  std::string json_path;
  std::string reached_path;
  unsigned detection_seeds = 0;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
};

// The cells this run selects: the shard's, matching any --run pattern.
std::vector<const cell*> selected_cells(const options& o) {
  const shard s = shard_from_environment();
  std::vector<const cell*> selected;
  const auto& cells = all_cells();
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i % s.total != s.index) continue;
    const std::string id = cells[i].id();
    bool match = o.patterns.empty();
    for (const auto& p : o.patterns) match = match || fnmatch(p.c_str(), id.c_str(), 0) == 0;
    if (match) selected.push_back(&cells[i]);
  }
  return selected;
}

std::string expected_names(const cell& c) {
  std::string out;
  for (auto v : c.expected) out += (out.empty() ? "" : "|") + std::string(results::verdict_name(v));
  return out;
}

int list_cells(const options& o) {
  for (const cell* c : selected_cells(o)) {
    std::cout << c->id() << "  expected=" << expected_names(*c) << "\n";
  }
  return 0;
}

// The record as the runner writes and prints it: with its why sentence
// (why_text.hpp), as report.txt shows it.
cell_run_result with_why(cell_run_result result) {
  result.record.why = report::why_text(result.record);
  return result;
}

void print_failure_details(const cell_run_result& result) {
  const auto& r = result.record;
  std::cout << "    " << r.message << "\n";
  if (!r.why.empty()) std::cout << "    " << r.why << "\n";
  const std::string fix = results::fix_text(r.fix);
  if (!fix.empty()) std::cout << "    " << fix << "\n";
  if (r.seed) std::cout << "    seed: " << *r.seed << "\n";
  if (!r.replay.command.empty()) std::cout << "    replay: " << r.replay.command << "\n";
}

cell_run_result run_one(const cell& c, const options& o) {
  const auto passes = apply_overrides(profile_passes(o.profile, c), o.overrides);
  return with_why(run_cell(c, passes, o.profile));
}

// The record of a cell whose forked process died or threw (no verdict of its own).
results::record crash_record(const cell& c, const std::string& message) {
  results::record r = base_record(c);
  r.observed = results::verdict::crash;
  r.message = message;
  return r;
}

int run_cells(const options& o) {
  const auto cells = selected_cells(o);
  if (cells.empty()) throw bad_input("no cell matches the --run patterns (see --list)");
  results::check_output_file("--reached-sites", o.reached_path);  // before the first cell, not after the run
  results_file json(o.json_path);
  reached_sites_file reached(o.reached_path);
  progress_display progress(cells.size());
  std::cout << "ordercheck-model: " << cells.size() << " cells, profile " << o.profile
            << ", seed " << o.overrides.seed << "\n";
  int mismatches = 0;
  const auto report = [&](const cell& c, const results::record& record) {
    json.append(record);
    if (!record.matches()) ++mismatches;
    progress.cell_done(c, record);
  };
  // --mutate's reach and --reached-sites are counted in this process: those
  // runs (the orders layer's, which runs its own jobs) stay serial.
  const bool forked = o.jobs > 1 && o.mutations.empty() && o.reached_path.empty();
  if (!forked) {
    for (const cell* c : cells) {
      results::announce_in_flight(c->id());
      const cell_run_result result = run_one(*c, o);
      report(*c, result.record);
      reached.add(result.reached);
      if (result.record.observed != results::verdict::pass || !result.record.matches()) print_failure_details(result);
    }
  } else {
    // Each cell in a forked child, o.jobs at once; records in cell order.
    results::run_forked_in_order(
        cells.size(), o.jobs, [&](std::size_t i) { return results::to_json_line(run_one(*cells[i], o).record); },
        [&](std::size_t i, results::forked_result&& done) {
          cell_run_result result;
          result.record = done.completed ? nlohmann::json::parse(done.payload).get<results::record>()
                                         : crash_record(*cells[i], "the check could not run: " + done.failure);
          report(*cells[i], result.record);
          if (result.record.observed != results::verdict::pass || !result.record.matches()) print_failure_details(result);
        },
        [&](const std::vector<std::size_t>& running) {
          std::string names;
          for (std::size_t i : running) names += (names.empty() ? "" : ", ") + cells[i]->id();
          results::announce_in_flight(names);
        });
  }
  reached.write();
  progress.finish(mismatches);
  const std::string unreached = unreached_mutations();
  if (!unreached.empty()) throw bad_input(unreached);
  return mismatches == 0 ? 0 : 1;
}

int replay(const options& o) {
  const replay_request request = decode_replay_token(o.replay);
  const cell* found = nullptr;
  for (const auto& c : all_cells()) {
    if (c.id() == request.cell_id) found = &c;
  }
  if (found == nullptr) {
    throw bad_input("the replay token names cell '" + request.cell_id + "', which this build does not have");
  }
  install_mutations(request.mutations);
  const cell_run_result result = with_why(replay_cell(*found, request.settings));
  results_file json(o.json_path);
  json.append(result.record);
  std::cout << "replay of " << request.cell_id << " (" << describe_pass(request.settings) << ")\n";
  // The compact swimlane, as report.txt shows it; Relacy's own text with --full-history.
  std::cout << (o.full_history ? result.history : report::swimlane_text(result.record, false));
  std::cout << "observed: " << results::verdict_name(result.record.observed)
            << " (expected " << expected_names(*found) << ")\n";
  print_failure_details(result);
  return result.record.matches() ? 0 : 1;
}

int run(int argc, char** argv) {
  options o;
  CLI::App app{"ordercheck-model: Relacy models of every subject, variant and contract"};
  app.add_flag("--list", o.list, "print the cells (of this shard) and their expected verdicts");
  app.add_option("--run", o.patterns, "run the cells whose id subject/variant/contract/scenario matches this glob (repeatable; default all)");
  app.add_option("--profile", o.profile, "quick (CI) or deep (nightly)")->check(CLI::IsMember({"quick", "deep"}));
  app.add_option("--scheduler", o.overrides.scheduler, "one search with this scheduler instead of the profile's")
      ->check(CLI::IsMember({"random", "bound", "full"}));
  app.add_option("--iterations", o.overrides.iterations, "executions per random search")
      ->check(results::whole_number(1, max_iterations));
  app.add_option("--context-bound", o.overrides.context_bound, "bound of the context bound scheduler")
      ->check(results::whole_number(1, max_context_bound));
  app.add_option("--seed", o.overrides.seed, "random search: seed S runs executions S*1000000+1 onwards")
      ->check(results::whole_number(0, max_seed));
  app.add_option("--replay", o.replay, "re-run exactly the failing execution a token names and print its history");
  app.add_flag("--full-history", o.full_history,
               "with --replay: print Relacy's own history of the execution, not the compact swimlane");
  app.add_option("--mutate", o.mutations, "SITE=ORDER: run SITE (impl/...:LINE:OPERATION) with ORDER (repeatable)");
  app.add_option("--jobs", o.jobs,
                 "run this many cells (forked processes) at once (default: the number of cores); "
                 "with --mutate or --reached-sites the cells run one after another")
      ->check(results::whole_number(1, 256));
  app.add_option("--json", o.json_path, "append one results record per cell to this JSON Lines file");
  app.add_option("--reached-sites", o.reached_path, "write the atomic sites the runs reached (JSON array)");
  app.add_option("--detection-stats", o.detection_seeds,
                 "for each selected cell: executions and time to the first failure, random search, "
                 "over this many seeds (median)")
      ->check(results::whole_number(1, 100000));
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "ordercheck-model: " << e.what() << " (see --help)\n";
    return 2;
  }
  try {
    if (app.count("--replay") > 0 && o.replay.empty()) {
      throw bad_input("--replay needs the token a failing run printed, not an empty word");
    }
    install_mutations(parse_mutations(o.mutations));
    if (o.list) return list_cells(o);
    if (!o.replay.empty()) return replay(o);
    if (o.detection_seeds > 0) return print_detection_stats(selected_cells(o), o.detection_seeds, o.overrides);
    return run_cells(o);
  } catch (const bad_input& e) {
    std::cerr << "ordercheck-model: " << e.what() << "\n";
    return 2;
  } catch (const std::invalid_argument& e) {  // a malformed --mutate or --replay
    std::cerr << "ordercheck-model: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace
}  // namespace ordercheck::model

int main(int argc, char** argv) { return ordercheck::model::run(argc, argv); }
