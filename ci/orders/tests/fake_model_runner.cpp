// A stand-in for ordercheck-model with scripted answers, so the tests can
// check ordercheck-orders' plumbing (mutant runs, exit codes, records) without
// Relacy. It speaks the same command line:
//   --list (prints each --run glob as one cell), --run GLOB, --mutate SITE=ORDER, --json FILE, --reached-sites FILE, and
//   --profile/--scheduler/--iterations/--context-bound/--seed (recorded only).
// Its script comes from the environment:
//   FAKE_MODEL_REACHED  "site=order,site=order": the sites it reports as reached
//   FAKE_MODEL_KILLS    "site=order:kind,...": mutations that fail a cell with kind
//   FAKE_MODEL_FAIL     a glob whose cell fails (data_race) with no mutation at all
//   FAKE_MODEL_REFUSE   set: exit 2 (bad input) without writing anything
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "result_record.hpp"

namespace {

std::vector<std::string> split(const char* text, char separator) {
  std::vector<std::string> parts;
  if (text == nullptr) return parts;
  std::istringstream in(text);
  for (std::string part; std::getline(in, part, separator);) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"fake ordercheck-model"};
  std::vector<std::string> globs, mutations;
  std::string json_path, reached_path, profile, scheduler;
  unsigned long long iterations = 100, seed = 7;
  unsigned context_bound = 2;
  bool list = false;
  app.add_flag("--list", list);
  app.add_option("--run", globs);
  app.add_option("--mutate", mutations);
  app.add_option("--json", json_path);
  app.add_option("--reached-sites", reached_path);
  app.add_option("--profile", profile);
  app.add_option("--scheduler", scheduler);
  app.add_option("--iterations", iterations);
  app.add_option("--context-bound", context_bound);
  app.add_option("--seed", seed);
  CLI11_PARSE(app, argc, argv);
  if (list) {  // each --run glob stands for one cell
    for (const auto& glob : globs) std::cout << glob << "  expected=pass\n";
    return 0;
  }
  if (std::getenv("FAKE_MODEL_REFUSE") != nullptr) {
    std::cerr << "fake: refused\n";
    return 2;
  }

  std::string kill_kind;
  for (const auto& kill : split(std::getenv("FAKE_MODEL_KILLS"), ',')) {
    const auto colon = kill.rfind(':');
    for (const auto& m : mutations) {
      if (m == kill.substr(0, colon)) kill_kind = kill.substr(colon + 1);
    }
  }
  const char* failing_glob = std::getenv("FAKE_MODEL_FAIL");

  bool any_failed = false;
  std::ofstream records(json_path);
  for (const auto& glob : globs) {
    ordercheck::results::record r;
    r.check = glob;
    r.layer = "model";
    r.engine = "fake";
    r.engine_settings = {{"scheduler", scheduler.empty() ? "random" : scheduler}, {"iterations", iterations}};
    r.expected = {ordercheck::results::verdict::pass};
    r.observed = ordercheck::results::verdict::pass;
    r.seed = seed;
    if (!kill_kind.empty()) r.observed = ordercheck::results::verdict_from_name(kill_kind);
    if (failing_glob != nullptr && glob == failing_glob) r.observed = ordercheck::results::verdict::data_race;
    if (!r.matches()) {
      any_failed = true;
      r.message = "fake failure";
      r.replay = {"fake-token", "fake --replay fake-token"};
    }
    for (const auto& m : mutations) r.mutations.push_back({m.substr(0, m.find('=')), m.substr(m.find('=') + 1)});
    records << ordercheck::results::to_json_line(r) << "\n";
  }
  nlohmann::json reached = nlohmann::json::array();
  for (const auto& entry : split(std::getenv("FAKE_MODEL_REACHED"), ',')) {
    const auto equals = entry.rfind('=');
    reached.push_back({{"site", entry.substr(0, equals)}, {"declared_order", entry.substr(equals + 1)},
                       {"subject", "demo"}, {"variant", "reference"}});
  }
  std::ofstream(reached_path) << reached.dump() << "\n";
  return any_failed ? 1 : 0;
}
