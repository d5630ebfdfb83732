// Runs ordercheck-model (the model layer's tool) as a child process and reads
// what it wrote: its results records and the sites it reached.
//
// One process per run, on purpose: a mutant runs with no rebuild (the
// override table takes `--mutate SITE=ORDER`), and a mutant that crashes the
// engine takes down only its own process, not the whole matrix.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "child_process.hpp"
#include "result_record.hpp"
#include "site_inventory.hpp"

namespace ordercheck::orders {

// How the models explore: passed through to ordercheck-model. Unset fields
// take the model tool's defaults for the profile.
struct model_settings {
  std::string runner;            // path of ordercheck-model
  std::string profile = "quick";  // quick | deep
  std::string scheduler;          // random | bound | full
  std::optional<unsigned long long> iterations;
  std::optional<unsigned> context_bound;
  std::optional<unsigned long long> seed;
};

struct model_request {
  std::vector<std::string> cell_globs;                         // --run
  std::vector<std::pair<std::string, std::string>> mutations;  // --mutate site=order
  std::string name;  // names the files it leaves in the work directory
};

struct model_outcome {
  std::vector<std::string> command;  // as run (paste-able with shell_command)
  process_result process;
  std::vector<results::record> records;
  std::vector<reached_site> reached;
  std::string log_path;  // the tool's stdout and stderr
  double wall_seconds = 0;
  std::string problem;  // why the outcome cannot be read (empty when it can)
  // ordercheck-model ran the cells but no cell reached a --mutate site (it
  // exits 2 saying so, after writing its records).
  bool mutation_never_ran = false;
};

// The ordercheck-model command line of a request, without its output files
// (what a person pastes to run it again).
std::vector<std::string> model_command(const model_settings& settings, const model_request& request);

// Runs one request; writes <work_dir>/<name>.jsonl, .sites.json and .log.
model_outcome run_model(const model_settings& settings, const model_request& request,
                        const std::string& work_dir);

// The ids of the cells `glob` selects (ordercheck-model --list --run GLOB);
// throws std::runtime_error when the model tool cannot list them.
std::vector<std::string> list_cells(const model_settings& settings, const std::string& glob);

// The last `lines` lines of a log file, for error messages.
std::string log_tail(const std::string& path, int lines = 3);

// The default ordercheck-model: beside this build's model/ directory.
std::string default_model_runner();

}  // namespace ordercheck::orders
