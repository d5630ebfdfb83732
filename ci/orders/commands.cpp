#include "commands.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "atomic_file.hpp"
#include "bounded_number.hpp"
#include "matrix_report.hpp"
#include "order_ladder.hpp"
#include "revision_diff.hpp"
#include "site_inventory.hpp"
#include "text_join.hpp"

namespace ordercheck::orders {
namespace fs = std::filesystem;

namespace {

// Resolves the root, the model runner and the work directory; bad_input when
// one of them is missing.
class prepared {
 public:
  prepared(const common_options& options, bool needs_model) : options_(options) {
    if (options_.root.empty()) options_.root = find_repository_root(".");
    if (options_.root.empty()) options_.root = ORDERCHECK_SOURCE_DIR;
    if (!fs::is_directory(fs::path(options_.root) / "impl" / "ordercheck")) {
      throw bad_input("no impl/ordercheck under '" + options_.root + "'; run inside the repository or pass --root DIR");
    }
    if (!needs_model) return;
    if (options_.model.runner.empty()) options_.model.runner = default_model_runner();
    if (access(options_.model.runner.c_str(), X_OK) != 0) {
      throw bad_input("ordercheck-model not found at '" + options_.model.runner +
                      "'; build it (cmake --preset model && cmake --build build/model --target ordercheck-model) "
                      "or pass --model-runner PATH");
    }
    if (options_.work_dir.empty()) {
      std::string pattern = (fs::temp_directory_path() / "ordercheck-orders-XXXXXX").string();
      if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a work directory in /tmp");
      options_.work_dir = pattern;
      made_work_dir_ = true;
    } else {
      fs::create_directories(options_.work_dir);
    }
  }
  // Removes a work directory we made, unless asked to keep it or something
  // went wrong (its logs are the evidence then).
  void finish(bool everything_judged) const {
    if (made_work_dir_ && everything_judged && !options_.keep_work_dir) {
      std::error_code ignored;
      fs::remove_all(options_.work_dir, ignored);
    } else if (!options_.work_dir.empty()) {
      std::cerr << "model run files kept in " << options_.work_dir << "\n";
    }
  }
  const common_options& options() const { return options_; }

 private:
  common_options options_;
  bool made_work_dir_ = false;
};

std::string settings_line(const model_settings& m) {
  std::string line = "ordercheck-model --profile " + m.profile;
  if (!m.scheduler.empty()) line += " --scheduler " + m.scheduler;
  if (m.iterations) line += " --iterations " + std::to_string(*m.iterations);
  if (m.context_bound) line += " --context-bound " + std::to_string(*m.context_bound);
  line += m.seed ? " --seed " + std::to_string(*m.seed) : std::string(" (seed: the model's default)");
  return line;
}

std::string seeds_of(const std::vector<results::record>& records) {
  std::set<unsigned long long> seeds;
  for (const auto& r : records) {
    if (r.seed) seeds.insert(*r.seed);
  }
  std::string text;
  for (auto s : seeds) append_joined(text, ",", std::to_string(s));
  return text.empty() ? "none reported" : text;
}

std::vector<std::string> all_subjects(const std::vector<atomic_site>& sites) {
  std::set<std::string> subjects;
  for (const auto& s : sites) {
    if (!s.subject.empty() && s.belongs_to("reference")) subjects.insert(s.subject);
  }
  return {subjects.begin(), subjects.end()};
}

void write_records(const std::string& path, const std::vector<results::record>& records) {
  std::string text;
  for (const auto& r : records) text += results::to_json_line(r) + "\n";
  results::write_file_atomically(path, text);
}

}  // namespace

int run_list(const list_options& options) {
  const prepared setup(options.common, !options.static_only);
  const auto sites = inventory(read_working_tree(setup.options().root));

  std::vector<reached_site> reached;
  bool models_ran = false;
  if (!options.static_only) {
    const auto outcome = run_model(setup.options().model, {{"*/*/*/*"}, {}, "list-all-cells"}, setup.options().work_dir);
    if (!outcome.problem.empty()) throw std::runtime_error(outcome.problem);
    reached = outcome.reached;
    models_ran = true;
    std::cerr << "reachability from: " << shell_command(outcome.command) << " (" << outcome.process.describe()
              << ", seeds " << seeds_of(outcome.records) << ")\n";
    setup.finish(true);
  }
  auto reached_by = [&](const atomic_site& s, const std::string& variant) {
    return std::any_of(reached.begin(), reached.end(), [&](const reached_site& r) {
      // A scenario's own sites run in the cells of either variant.
      return r.site == s.id() && (r.variant.empty() || variant == "scenario" || r.variant == variant);
    });
  };

  // Group by subject, then variant (a shared file's sites appear under both).
  std::map<std::string, std::map<std::string, std::vector<const atomic_site*>>> groups;
  for (const auto& s : sites) {
    for (const auto& v : s.variants) groups[s.subject.empty() ? "(shared)" : s.subject][v].push_back(&s);
  }
  std::size_t unreached = 0;
  for (const auto& [subject, variants] : groups) {
    for (const auto& [variant, group] : variants) {
      std::cout << subject << " / " << variant << "\n";
      for (const auto* s : group) {
        std::string reach = "-";
        if (models_ran) {
          reach = reached_by(*s, variant) ? "reached" : "UNREACHED";
          if (reach == "UNREACHED") ++unreached;
        }
        std::cout << "  " << s->file << ":" << s->line << "  " << s->operation << "  " << s->order << "  "
                  << (s->object.empty() ? "-" : s->object) << "  in " << (s->function.empty() ? "?" : s->function)
                  << "  " << reach << "\n";
      }
    }
  }
  std::cout << sites.size() << " sites";
  if (models_ran) std::cout << ", " << unreached << " (site, variant) pairs UNREACHED by the models";
  std::cout << "\n";

  // Sites the models ran that the parser did not find (or with another
  // order): the parser's line rule is wrong, or the model build is stale.
  const auto problems = disagreements(sites, reached);
  for (const auto& line : problems) std::cout << "DISAGREES: " << line << "\n";
  return problems.empty() ? exit_ok : exit_failed;
}

// Every output path is checked before a work directory exists or a model runs.
static void check_outputs(const common_options& common, const std::vector<std::pair<const char*, std::string>>& files) {
  try {
    for (const auto& [option, path] : files) results::check_output_file(option, path);
  } catch (const std::invalid_argument& e) {
    throw bad_input(e.what());
  }
  if (!common.work_dir.empty() && fs::exists(common.work_dir) && !fs::is_directory(common.work_dir)) {
    throw bad_input("--work-dir '" + common.work_dir + "' is not a folder: name a folder (it is created if missing)");
  }
}

// The reference sites of `subjects` that this shard mutates: of the sites
// that have a weaker order, every total-th one in inventory order, starting
// at `index` (GoogleTest's rule, as every layer shards its checks), so each
// shard has mutants while there are at least as many such sites as shards
// (a site with nothing weaker has no mutant and no record). A mutant's record
// is its site's, so the shards' records partition one unsharded run's.
static std::vector<atomic_site> sites_of_shard(const std::vector<atomic_site>& sites,
                                               const std::vector<std::string>& subjects,
                                               const results::shard_setting& shard) {
  std::vector<atomic_site> mine;
  std::size_t k = 0;
  for (const auto& site : sites) {
    const bool mutated = site.belongs_to("reference") &&
                         std::find(subjects.begin(), subjects.end(), site.subject) != subjects.end() &&
                         !weaker_orders(site.operation, site.order, site.success_order).empty();
    if (mutated && k++ % shard.total == shard.index) mine.push_back(site);
  }
  return mine;
}

int run_mutate(const mutate_options& options) {
  check_outputs(options.common, {{"--json", options.json_path}, {"--markdown", options.markdown_path}});
  // Sharding is by site, here; the model processes this run starts must see
  // every reference cell, so the variables are not passed on to them.
  results::shard_setting shard;
  try {
    shard = results::shard_from_environment();
  } catch (const std::invalid_argument& e) {
    throw bad_input(e.what());
  }
  unsetenv("GTEST_TOTAL_SHARDS");
  unsetenv("GTEST_SHARD_INDEX");
  const prepared setup(options.common, true);
  const auto sites = inventory(read_working_tree(setup.options().root));
  const auto known = all_subjects(sites);
  std::vector<std::string> subjects = options.subjects.empty() ? known : options.subjects;
  for (const auto& s : subjects) {
    if (std::find(known.begin(), known.end(), s) == known.end()) {
      std::string names;
      for (const auto& k : known) append_joined(names, ", ", k);
      throw bad_input("unknown subject '" + s + "' (one of: " + names + ")");
    }
  }
  std::vector<atomic_site> mutated_sites;
  if (shard.from_environment) {
    mutated_sites = sites_of_shard(sites, subjects, shard);
    // A subject none of whose sites is in this shard needs no baseline run.
    subjects.erase(std::remove_if(subjects.begin(), subjects.end(),
                                  [&](const std::string& subject) {
                                    return std::none_of(mutated_sites.begin(), mutated_sites.end(),
                                                        [&](const atomic_site& s) { return s.subject == subject; });
                                  }),
                   subjects.end());
  }
  const bool terminal = isatty(STDERR_FILENO) != 0;
  std::cerr << "mutating " << subjects.size() << " subject(s) with " << settings_line(setup.options().model) << ", "
            << options.jobs << " job(s); work directory " << setup.options().work_dir;
  if (shard.from_environment) {
    std::cerr << "; shard " << shard.index << " of " << shard.total << ": " << mutated_sites.size()
              << " reference site(s), each mutant run against every reference cell";
  }
  std::cerr << "\n";

  matrix_options matrix_settings;
  matrix_settings.model = setup.options().model;
  matrix_settings.work_dir = setup.options().work_dir;
  matrix_settings.jobs = options.jobs;
  if (shard.from_environment) {
    matrix_settings.weakened_sites.emplace();
    for (const auto& site : mutated_sites) matrix_settings.weakened_sites->insert(site.id());
  }
  matrix_settings.progress = [terminal](const std::string& what, const std::string& cell, const mutant_result& r,
                                        std::size_t done, std::size_t total) {
    const std::string found = what == "baseline" ? (r.status == mutant_status::survived ? "passes" : "DOES NOT PASS")
                                                 : std::string(status_name(r.status)) +
                                                       (r.kind.empty() ? std::string() : " (" + r.kind + ")");
    const std::string line = "[" + std::to_string(done) + "/" + std::to_string(total) + "] " + what + " on " + cell +
                             ": " + found + " in " + std::to_string(static_cast<int>(r.wall_seconds * 1000)) +
                             " ms, seed " + seeds_of(r.records);
    if (terminal) std::cerr << "\r\033[K" << line << std::flush;
    else std::cerr << line << "\n";
  };

  const auto start = std::chrono::steady_clock::now();
  std::vector<judged_subject> judged;
  bool all_judged = true;
  for (auto& matrix : run_matrices(subjects, sites, matrix_settings)) {
    for (const auto& r : matrix.results) all_judged = all_judged && r.status != mutant_status::error;
    judged.push_back({std::move(matrix), {}});
  }
  // Judged once the matrices are in place: verdicts point into their results.
  for (auto& j : judged) j.verdicts = judge(j.matrix, sites);
  if (terminal) std::cerr << "\n";
  const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::size_t mutants = 0;
  for (const auto& j : judged) mutants += j.matrix.results.size();
  if (!options.json_path.empty()) write_records(options.json_path, matrix_records(judged));
  std::cout << matrix_text(judged);
  char elapsed[32];
  std::snprintf(elapsed, sizeof elapsed, "%.1f", total);
  std::cout << mutants << " mutants of " << judged.size() << " subject(s) in " << elapsed << " s wall time ("
            << options.jobs << " job(s))\n";
  std::vector<results::record> cell_records;
  for (const auto& j : judged) {
    for (const auto& r : j.matrix.results) cell_records.insert(cell_records.end(), r.records.begin(), r.records.end());
  }
  const std::string seeds = seeds_of(cell_records);
  std::cout << "seeds of the random searches: " << seeds << "\n";
  if (!options.markdown_path.empty()) {
    results::write_file_atomically(options.markdown_path,
                                   matrix_markdown(judged, "Settings: `" + settings_line(setup.options().model) + "`, seeds " + seeds + ", " +
                                                               std::to_string(options.jobs) + " job(s); " +
                                                               std::to_string(mutants) + " mutants in " +
                                                               std::to_string(static_cast<int>(total + 0.5)) + " s."));
  }
  setup.finish(all_judged);
  return all_judged ? exit_ok : exit_failed;
}

int run_diff(const diff_options& options) {
  check_outputs(options.common, {{"--json", options.json_path}});
  const prepared setup(options.common, true);
  const std::string& root = setup.options().root;
  source_files before;
  try {
    before = read_revision(root, options.base);
  } catch (const std::runtime_error& e) {
    throw bad_input(e.what());
  }
  const source_files after = read_working_tree(root);
  const auto old_sites = inventory(before);
  const auto new_sites = inventory(after);
  const auto changes = diff_sites(old_sites, new_sites);

  std::cout << "atomic sites changed since " << options.base << ":\n";
  if (changes.empty()) std::cout << "  none\n";
  for (const auto& c : changes) {
    const atomic_site& s = c.after ? *c.after : *c.before;
    std::cout << "  " << change_name(c.what) << ": ";
    switch (c.what) {
      case site_change::kind::order_changed:
        std::cout << c.after->id() << " " << c.before->order << " -> " << c.after->order << " (" << c.direction << ")";
        if (c.before->line != c.after->line) std::cout << ", was line " << c.before->line;
        break;
      case site_change::kind::moved:
        std::cout << s.file << ":" << s.operation << " (" << s.order << ") line " << c.before->line << " -> " << c.after->line;
        break;
      case site_change::kind::added:
      case site_change::kind::removed:
        std::cout << s.id() << " (" << s.order << ")";
        break;
    }
    std::cout << "  [" << (s.object.empty() ? "fence" : s.object) << " in " << (s.function.empty() ? "?" : s.function) << "]\n";
  }
  const auto subjects = touched_subjects(before, after);
  if (subjects.empty()) {
    std::cout << "no subject's files changed: no model cell to run\n";
    setup.finish(true);
    return exit_ok;
  }
  model_request request;
  request.name = "diff";
  std::string names;
  for (const auto& s : subjects) {
    request.cell_globs.push_back(s + "/*/*/*");
    append_joined(names, ", ", s);
  }
  std::cout << "running the model cells of " << names << " (reference and upstream) with "
            << settings_line(setup.options().model) << "\n";
  const auto outcome = run_model(setup.options().model, request, setup.options().work_dir);
  if (!outcome.problem.empty()) throw std::runtime_error(outcome.problem + " (command: " + shell_command(outcome.command) + ")");
  require_same_sources(new_sites, outcome.reached);
  int mismatches = 0;
  for (const auto& r : outcome.records) {
    std::string expected;
    for (auto v : r.expected) append_joined(expected, "|", results::verdict_name(v));
    std::cout << "  " << (r.matches() ? "ok      " : "FAILS   ") << r.check << ": " << results::verdict_name(r.observed)
              << " (expected " << expected << ")";
    if (!r.matches()) {
      ++mismatches;
      std::cout << " -- " << r.message;
      if (!r.replay.command.empty()) std::cout << "\n          replay: " << r.replay.command;
    }
    std::cout << "\n";
  }
  std::cout << outcome.records.size() << " cells, " << mismatches << " failing; seeds " << seeds_of(outcome.records)
            << "; " << shell_command(outcome.command) << "\n";
  if (!options.json_path.empty()) write_records(options.json_path, outcome.records);
  const bool model_agrees = (mismatches == 0) == outcome.process.exited_with(0);
  setup.finish(model_agrees);
  if (!model_agrees) {
    std::cout << "ordercheck-model's " << outcome.process.describe() << " disagrees with its records\n";
    return exit_failed;
  }
  return mismatches == 0 ? exit_ok : exit_failed;
}

}  // namespace ordercheck::orders
