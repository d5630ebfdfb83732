#include "mutation_matrix.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

#include "order_ladder.hpp"
#include "text_join.hpp"

namespace ordercheck::orders {

std::vector<mutant> mutants_of(const std::vector<atomic_site>& sites) {
  std::vector<mutant> mutants;
  for (const atomic_site& site : sites) {
    for (const std::string& order : weaker_orders(site.operation, site.order, site.success_order)) {
      mutant m{site, order, ""};
      if (site.operation == "compare_exchange") {
        // The failure order of the same call, as the models will run it.
        const auto failure = std::find_if(sites.begin(), sites.end(), [&](const atomic_site& s) {
          return s.file == site.file && s.line == site.line && s.operation == "compare_exchange_failure";
        });
        if (failure != sites.end()) {
          const std::string effective = effective_failure(order, failure->order);
          if (effective != failure->order) {
            m.note = "failure order " + failure->order + " becomes " + effective +
                     " with it (C++11: no stronger than the success order)";
          }
        }
      }
      mutants.push_back(m);
    }
  }
  return mutants;
}

const char* status_name(mutant_status status) {
  switch (status) {
    case mutant_status::killed: return "killed";
    case mutant_status::survived: return "survived";
    case mutant_status::unreached: return "unreached";
    case mutant_status::error: return "error";
  }
  return "error";
}

namespace {

std::string text_of(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

// One search of ordercheck-model's "passes": "random 20000 (seed 0)",
// "context bound 2", "full search".
std::string describe_pass(const nlohmann::json& pass) {
  const std::string scheduler = pass.contains("scheduler") ? text_of(pass["scheduler"]) : "?";
  if (scheduler == "random") {
    std::string text = "random " + (pass.contains("iterations") ? text_of(pass["iterations"]) : std::string("?"));
    if (pass.contains("seed")) text += " (seed " + text_of(pass["seed"]) + ")";
    return text;
  }
  if (scheduler == "bound") return "context bound " + (pass.contains("context_bound") ? text_of(pass["context_bound"]) : std::string("?"));
  if (scheduler == "full") return "full search";
  return scheduler;
}

}  // namespace

std::string describe_bound(const std::vector<results::record>& records) {
  std::set<std::string> distinct;
  for (const auto& r : records) {
    const auto& s = r.engine_settings;
    std::string text;
    if (s.contains("passes") && s["passes"].is_array()) {
      // ordercheck-model: the searches each cell ran, in order.
      for (const auto& pass : s["passes"]) append_joined(text, " + ", describe_pass(pass));
      if (s.contains("profile")) text = "profile " + text_of(s["profile"]) + ": " + text;
    } else {
      if (s.contains("scheduler")) append_joined(text, ", ", "scheduler " + text_of(s["scheduler"]));
      if (s.contains("iterations")) append_joined(text, ", ", s["iterations"].dump() + " iterations");
      if (s.contains("context_bound")) append_joined(text, ", ", "context bound " + s["context_bound"].dump());
    }
    if (!text.empty()) distinct.insert(text);
  }
  std::string joined;
  for (const auto& d : distinct) append_joined(joined, "; ", d);
  return joined.empty() ? "bound not reported by the model" : joined;
}

mutant_result classify(const mutant& mutation, const model_outcome& outcome) {
  mutant_result result;
  result.mutation = mutation;
  result.records = outcome.records;
  result.command = shell_command(outcome.command);
  result.wall_seconds = outcome.wall_seconds;
  if (!outcome.problem.empty()) {
    result.status = mutant_status::error;
    result.detail = outcome.problem;
    return result;
  }
  const auto failing = std::find_if(outcome.records.begin(), outcome.records.end(),
                                    [](const results::record& r) { return !r.matches(); });
  if (outcome.process.signal != 0) {
    // The unmutated run did not crash (run_matrix checks), so the mutation did.
    result.status = mutant_status::killed;
    result.kind = "crash";
    result.detail = "the model process was " + outcome.process.describe();
    result.replay_command = result.command;
    return result;
  }
  if (outcome.mutation_never_ran) {
    // No cell ran the site: a failure, if any, is not the mutation's doing.
    result.status = failing == outcome.records.end() ? mutant_status::unreached : mutant_status::error;
    result.detail = "the mutated site never ran, yet a cell failed";
    return result;
  }
  if (outcome.process.exited_with(1) && failing != outcome.records.end()) {
    result.status = mutant_status::killed;
    result.kind = results::verdict_name(failing->observed);
    result.killing_check = failing->check;
    result.replay_token = failing->replay.token;
    result.replay_command = failing->replay.command.empty() ? result.command : failing->replay.command;
    result.detail = failing->message;
    return result;
  }
  if (outcome.process.exited_with(0) && failing == outcome.records.end()) {
    const std::string id = mutation.site.id();
    const bool ran = std::any_of(outcome.reached.begin(), outcome.reached.end(),
                                 [&](const reached_site& s) { return s.site == id; });
    result.status = ran ? mutant_status::survived : mutant_status::unreached;
    result.bound = describe_bound(outcome.records);
    return result;
  }
  result.status = mutant_status::error;
  result.detail = "ordercheck-model's " + outcome.process.describe() + " disagrees with its records (" +
                  std::to_string(std::count_if(outcome.records.begin(), outcome.records.end(),
                                               [](const results::record& r) { return !r.matches(); })) +
                  " mismatching); see " + outcome.log_path;
  return result;
}

std::vector<atomic_site> reference_sites(const std::vector<atomic_site>& all_sites, const std::string& subject) {
  std::vector<atomic_site> sites;
  for (const auto& s : all_sites) {
    if (s.subject == subject && s.belongs_to("reference")) sites.push_back(s);
  }
  return sites;
}

subject_matrix run_matrix(const std::string& subject, const std::vector<atomic_site>& all_sites,
                          const matrix_options& options) {
  const auto start = std::chrono::steady_clock::now();
  subject_matrix matrix;
  matrix.subject = subject;
  matrix.sites = reference_sites(all_sites, subject);
  const std::vector<std::string> cells{subject + "/reference/*/*"};

  const model_outcome baseline = run_model(options.model, {cells, {}, subject + "-baseline"}, options.work_dir);
  matrix.baseline_command = shell_command(baseline.command);
  if (!baseline.problem.empty() || !baseline.process.exited_with(0)) {
    throw std::runtime_error("the unmutated reference cells of " + subject + " do not pass (" +
                             (baseline.problem.empty() ? baseline.process.describe() : baseline.problem) +
                             "), so no mutant can be judged; run: " + matrix.baseline_command);
  }
  require_same_sources(all_sites, baseline.reached);
  matrix.baseline_bound = describe_bound(baseline.records);
  for (const auto& r : baseline.reached) matrix.reached.push_back(r.site);

  const std::vector<mutant> mutants = mutants_of(matrix.sites);
  matrix.results.resize(mutants.size());
  std::vector<std::size_t> to_run;
  for (std::size_t i = 0; i < mutants.size(); ++i) {
    const bool reached = std::find(matrix.reached.begin(), matrix.reached.end(), mutants[i].site.id()) != matrix.reached.end();
    if (reached) {
      to_run.push_back(i);
    } else {
      matrix.results[i].mutation = mutants[i];
      matrix.results[i].status = mutant_status::unreached;
    }
  }

  std::atomic<std::size_t> next{0};
  std::mutex progress_mutex;
  std::size_t done = 0;
  auto worker = [&] {
    for (std::size_t k = next++; k < to_run.size(); k = next++) {
      const std::size_t i = to_run[k];
      const mutant& m = mutants[i];
      const std::string name = subject + "-mutant-" + std::to_string(i);
      const model_outcome outcome =
          run_model(options.model, {cells, {{m.site.id(), m.order}}, name}, options.work_dir);
      mutant_result result = classify(m, outcome);
      std::lock_guard<std::mutex> lock(progress_mutex);
      matrix.results[i] = std::move(result);
      ++done;
      if (options.progress) options.progress(matrix.results[i], done, to_run.size());
    }
  };
  std::vector<std::thread> workers;
  for (unsigned j = 0; j < std::max(1u, options.jobs); ++j) workers.emplace_back(worker);
  for (auto& w : workers) w.join();
  matrix.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return matrix;
}

}  // namespace ordercheck::orders
