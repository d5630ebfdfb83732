// ordercheck-properties: runs the properties layer's cells and writes one
// results::record per cell (layer "property") as JSON Lines.
//
//   ordercheck-properties --list
//   ordercheck-properties [--run PATTERN] [--seed S] [--programs N] [--runs N] [--jobs N] [--json FILE]
//
// PATTERN is a glob over check names (subject/variant/contract/property);
// without * or ? it matches any check that contains it. GTEST_TOTAL_SHARDS and
// GTEST_SHARD_INDEX pick every total-th selected cell. --jobs N (default: the
// core count) runs N cells at once, each in a forked child of the runner
// (ci/results/forked_jobs.hpp); records and lines still come in cell order,
// each written as soon as it and the cells before it are done. Exit status: 0 when
// every cell run matches its expected verdicts, 1 when one does not, 2 on bad
// input (one line on stderr saying what is wrong and how to fix it).
#include <CLI/CLI.hpp>
#include <fnmatch.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <limits>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "cells/property_cell.hpp"
#include "cli_numbers.hpp"
#include "forked_jobs.hpp"
#include "in_flight.hpp"
#include "runner/shard_selection.hpp"  // stress/runner: GoogleTest-style sharding

namespace {

using namespace ordercheck;
using namespace ordercheck::properties;

bool selected(const std::string& check, const std::string& pattern) {
  if (pattern.empty()) return true;
  if (pattern.find_first_of("*?[") == std::string::npos) return check.find(pattern) != std::string::npos;
  return fnmatch(pattern.c_str(), check.c_str(), 0) == 0;
}

// Runs one cell; an exception is the cell's error verdict.
results::record run_cell(const property_cell& cell, const cell_settings& settings) {
  cell_outcome outcome;
  try {
    outcome = cell.run(settings);
  } catch (const std::exception& e) {
    outcome.observed = results::verdict::error;
    outcome.message = std::string("the check could not run: ") + e.what();
  }
  return to_record(cell, settings, outcome);
}

int bad_input(const std::string& line) {
  std::cerr << "ordercheck-properties: " << line << "\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ordercheck-properties: rapidcheck property and linearizability checks"};
  bool list = false;
  std::string pattern;
  std::string json_path;
  std::uint64_t seed = std::random_device{}();
  cell_settings settings;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  app.add_flag("--list", list, "List the cells and their expected verdicts, then exit");
  app.add_option("--run", pattern, "Run the cells whose check matches PATTERN (glob, or a substring)");
  app.add_option("--seed", seed, "Seed of the program generator (printed; default: random)")
      ->check(results::whole_number(0, std::numeric_limits<std::uint64_t>::max()));
  app.add_option("--programs", settings.programs, "Parallel programs per cell")->check(results::whole_number(1, 10'000'000));
  app.add_option("--runs", settings.runs_per_program, "Real-thread runs of each program")->check(results::whole_number(1, 1'000'000));
  app.add_option("--jobs", jobs, "Run this many cells (forked processes) at once (default: the number of cores)")
      ->check(results::whole_number(1, 256));
  app.add_option("--json", json_path, "Append one JSON record per cell to FILE (JSON Lines)");
  std::string engine;
  app.add_option("--engine", engine,
                 "Only the cells of this engine: real_threads (generated programs on real threads) or relacy "
                 "(inside Relacy; built only with the model layer)")
      ->check(CLI::IsMember({"real_threads", "relacy"}));
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return bad_input(std::string(e.what()) + " (see --help)");
  }
  settings.seed = seed;

  std::string shard_error;
  const auto shard = ordercheck::stress::shard_from_environment(shard_error);
  if (!shard_error.empty()) return bad_input(shard_error);

  std::vector<property_cell> all;
  try {
    all = all_property_cells();  // reads the ORDERCHECK_RELACY_* overrides
  } catch (const std::invalid_argument& e) {
    return bad_input(e.what());
  }
  std::vector<property_cell> cells;
  // The record's engine names: "rapidcheck" on real threads, "rapidcheck+relacy" in Relacy.
  const std::string engine_name = engine == "relacy" ? "rapidcheck+relacy" : "rapidcheck";
  // A build may lack one engine's cells (the model preset builds the Relacy
  // ones only; the others have no Relacy): say so, rather than "no cell matches".
  if (!engine.empty() && std::none_of(all.begin(), all.end(), [&](const property_cell& c) { return c.engine == engine_name; }))
    return bad_input("this build has no --engine " + engine + " cells: " +
                     (engine == "relacy" ? "use a build with ORDERCHECK_MODEL=ON (build/model)"
                                         : "use a build with ORDERCHECK_PROPERTY_THREAD_CELLS=ON (build/default, build/tsan)"));
  for (auto& cell : all)
    if (selected(cell.check, pattern) && (engine.empty() || cell.engine == engine_name)) cells.push_back(std::move(cell));
  if (shard) cells = shard->select(cells);
  if (cells.empty() && !pattern.empty())
    return bad_input("no cell matches --run '" + pattern + "' (see --list for the check names)");

  if (list) {
    for (const auto& cell : cells) {
      std::string expected;
      for (auto v : cell.expected) expected += (expected.empty() ? "" : "|") + std::string(results::verdict_name(v));
      std::cout << cell.check << "  engine=" << cell.engine << "  expected=" << expected
                << (cell.probabilistic ? "  (real threads: found with a measured rate)" : "") << "\n";
    }
    return 0;
  }

  std::ofstream json;
  if (!json_path.empty()) {
    json.open(json_path, std::ios::app);
    if (!json) return bad_input("cannot open --json file '" + json_path + "' for appending; check the directory exists and is writable");
  }

  std::cout << "ordercheck-properties: seed " << seed << ", " << cells.size() << " cells"
            << (jobs > 1 ? ", " + std::to_string(jobs) + " at once" : std::string()) << "\n"
            << std::flush;
  const bool terminal = isatty(STDOUT_FILENO) != 0;
  unsigned mismatches = 0;
  // Writes one cell's record (as it is done, in cell order) and its line.
  const auto report = [&](std::size_t i, const results::record& record, const std::string& line) {
    if (!record.matches()) ++mismatches;
    if (json.is_open()) json << line << "\n" << std::flush;  // nothing lost if killed
    if (terminal && record.matches()) return;
    if (terminal) std::cout << "\r\033[K";
    std::cout << "[" << i + 1 << "/" << cells.size() << "] " << cells[i].check << ": "
              << results::verdict_name(record.observed) << (record.matches() ? "" : " (UNEXPECTED)") << " - "
              << record.message << "\n";
    if (!record.matches() && !record.scenario.empty()) std::cout << record.scenario;
    std::cout << std::flush;
  };
  if (jobs == 1) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (terminal) std::cout << "\r[" << i + 1 << "/" << cells.size() << "] " << cells[i].check << "\033[K" << std::flush;
      results::announce_in_flight(cells[i].check);
      const results::record record = run_cell(cells[i], settings);
      report(i, record, results::to_json_line(record));
    }
  } else {
    // Each cell in a forked child, `jobs` at once; records in cell order.
    results::run_forked_in_order(
        cells.size(), jobs, [&](std::size_t i) { return results::to_json_line(run_cell(cells[i], settings)); },
        [&](std::size_t i, results::forked_result&& done) {
          if (!done.completed) {
            cell_outcome outcome;
            outcome.message = "the check could not run: " + done.failure;
            outcome.observed = results::verdict::crash;
            const results::record record = to_record(cells[i], settings, outcome);
            report(i, record, results::to_json_line(record));
            return;
          }
          report(i, nlohmann::json::parse(done.payload).get<results::record>(), done.payload);
        },
        [&](const std::vector<std::size_t>& running) {
          std::string names;
          for (std::size_t i : running) names += (names.empty() ? "" : ", ") + cells[i].check;
          results::announce_in_flight(names);
        });
  }
  if (terminal) std::cout << "\r\033[K";
  std::cout << "ordercheck-properties: " << cells.size() - mismatches << " of " << cells.size()
            << " cells as expected (seed " << seed << ")\n";
  return mismatches == 0 ? 0 : 1;
}
