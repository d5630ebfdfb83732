#include "model_runner.hpp"
#include "text_join.hpp"

#include <chrono>
#include <deque>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace ordercheck::orders {

std::vector<std::string> model_command(const model_settings& settings, const model_request& request) {
  std::vector<std::string> argv{settings.runner};
  for (const auto& glob : request.cell_globs) argv.insert(argv.end(), {"--run", glob});
  argv.insert(argv.end(), {"--profile", settings.profile});
  if (!settings.scheduler.empty()) argv.insert(argv.end(), {"--scheduler", settings.scheduler});
  if (settings.iterations) argv.insert(argv.end(), {"--iterations", std::to_string(*settings.iterations)});
  if (settings.context_bound) argv.insert(argv.end(), {"--context-bound", std::to_string(*settings.context_bound)});
  if (settings.seed) argv.insert(argv.end(), {"--seed", std::to_string(*settings.seed)});
  for (const auto& [site, order] : request.mutations) argv.insert(argv.end(), {"--mutate", site + "=" + order});
  return argv;
}

model_outcome run_model(const model_settings& settings, const model_request& request,
                        const std::string& work_dir) {
  model_outcome outcome;
  const std::string base = (std::filesystem::path(work_dir) / request.name).string();
  const std::string records_path = base + ".jsonl";
  const std::string reached_path = base + ".sites.json";
  outcome.log_path = base + ".log";
  std::filesystem::remove(records_path);
  std::filesystem::remove(reached_path);
  std::filesystem::remove(outcome.log_path);

  auto& argv = outcome.command;
  argv = model_command(settings, request);
  argv.insert(argv.end(), {"--json", records_path, "--reached-sites", reached_path});

  const auto start = std::chrono::steady_clock::now();
  try {
    outcome.process = run_process(argv, outcome.log_path);
  } catch (const std::exception& e) {
    outcome.problem = e.what();
    return outcome;
  }
  outcome.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  if (outcome.process.exited_with(2)) {
    const std::string said = log_tail(outcome.log_path, 1);
    if (said.find("was never reached") == std::string::npos || !std::filesystem::exists(records_path)) {
      outcome.problem = "ordercheck-model refused the request: " + said;
      return outcome;
    }
    outcome.mutation_never_ran = true;
  }
  try {
    if (std::filesystem::exists(records_path)) outcome.records = results::read_json_lines(records_path);
    if (std::filesystem::exists(reached_path)) outcome.reached = read_reached_sites(reached_path);
  } catch (const std::exception& e) {
    outcome.problem = e.what();
    return outcome;
  }
  if (outcome.process.signal == 0 && outcome.records.empty()) {
    outcome.problem = "ordercheck-model ran no cell (" + outcome.process.describe() + "): " + log_tail(outcome.log_path, 1);
  }
  return outcome;
}

std::vector<std::string> list_cells(const model_settings& settings, const std::string& glob) {
  const process_result listed = capture_process({settings.runner, "--list", "--run", glob});
  if (!listed.exited_with(0)) {
    throw std::runtime_error("ordercheck-model --list --run '" + glob + "' failed (" + listed.describe() + "): " + listed.output);
  }
  std::vector<std::string> cells;
  std::istringstream lines(listed.output);
  for (std::string line; std::getline(lines, line);) {
    const std::string id = line.substr(0, line.find_first_of(" \t"));
    if (!id.empty()) cells.push_back(id);
  }
  return cells;
}

std::string log_tail(const std::string& path, int lines) {
  std::ifstream in(path);
  std::deque<std::string> last;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    last.push_back(line);
    if (static_cast<int>(last.size()) > lines) last.pop_front();
  }
  std::string text;
  for (const auto& line : last) append_joined(text, " / ", line);
  return text.empty() ? "(no output)" : text;
}

std::string default_model_runner() {
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    // build/<preset>/ci/orders/ordercheck-orders -> build/<preset>/model/ordercheck-model
    const auto beside = self.parent_path().parent_path().parent_path() / "model" / "ordercheck-model";
    if (std::filesystem::exists(beside)) return beside.string();
  }
  return ORDERCHECK_DEFAULT_MODEL_RUNNER;
}

}  // namespace ordercheck::orders
