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
    // The unmutated run did not crash (run_matrices checks), so the mutation did.
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

mutant_result combine(const mutant& mutation, const std::vector<mutant_result>& per_cell) {
  mutant_result combined;
  combined.mutation = mutation;
  combined.status = mutant_status::unreached;
  for (const auto& r : per_cell) {
    combined.records.insert(combined.records.end(), r.records.begin(), r.records.end());
    combined.wall_seconds += r.wall_seconds;
  }
  const auto first = [&](mutant_status status) {
    return std::find_if(per_cell.begin(), per_cell.end(), [status](const mutant_result& r) { return r.status == status; });
  };
  auto chosen = first(mutant_status::killed);
  if (chosen == per_cell.end()) chosen = first(mutant_status::error);
  if (chosen == per_cell.end()) chosen = first(mutant_status::survived);
  if (chosen == per_cell.end()) return combined;
  const auto records = std::move(combined.records);
  const double seconds = combined.wall_seconds;
  combined = *chosen;
  combined.records = records;
  combined.wall_seconds = seconds;
  if (combined.status == mutant_status::survived) combined.bound = describe_bound(combined.records);
  return combined;
}

namespace {

// One model process: a cell, unmutated (mutant < 0) or with one mutant.
struct cell_task {
  std::size_t subject = 0;
  long mutant = -1;
  std::size_t cell = 0;
};

// Runs tasks `jobs` at a time in order; `skip(task)` is asked just before a
// task starts; `run(task)` runs it.
template <class Skip, class Run>
void run_in_order(const std::vector<cell_task>& tasks, unsigned jobs, Skip&& skip, Run&& run) {
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t k = next++; k < tasks.size(); k = next++) {
      if (!skip(tasks[k])) run(tasks[k]);
    }
  };
  std::vector<std::thread> workers;
  for (unsigned j = 0; j < std::max(1u, jobs); ++j) workers.emplace_back(worker);
  for (auto& w : workers) w.join();
}

// free_threaded cells first: they kill most mutants, and a kill skips the rest.
std::vector<std::string> in_trial_order(std::vector<std::string> cells) {
  std::stable_partition(cells.begin(), cells.end(),
                        [](const std::string& id) { return id.find("/free_threaded/") != std::string::npos; });
  return cells;
}

}  // namespace

std::vector<subject_matrix> run_matrices(const std::vector<std::string>& subjects,
                                         const std::vector<atomic_site>& all_sites, const matrix_options& options) {
  std::vector<subject_matrix> matrices(subjects.size());
  std::vector<std::vector<model_outcome>> baselines(subjects.size());
  // Every reference site of each subject, the shard's or not: a
  // compare-exchange mutant reads its failure site's order from here.
  std::vector<std::vector<atomic_site>> every_site(subjects.size());
  std::vector<cell_task> tasks;
  for (std::size_t s = 0; s < subjects.size(); ++s) {
    auto& m = matrices[s];
    m.subject = subjects[s];
    m.sites = reference_sites(all_sites, m.subject);
    every_site[s] = m.sites;
    if (options.weakened_sites) {
      m.sites.erase(std::remove_if(m.sites.begin(), m.sites.end(),
                                   [&](const atomic_site& site) { return options.weakened_sites->count(site.id()) == 0; }),
                    m.sites.end());
    }
    m.cells = in_trial_order(list_cells(options.model, m.subject + "/reference/*/*"));
    if (m.cells.empty()) throw std::runtime_error("ordercheck-model has no reference cell of " + m.subject);
    baselines[s].resize(m.cells.size());
    for (std::size_t c = 0; c < m.cells.size(); ++c) tasks.push_back({s, -1, c});
  }
  std::mutex mutex;
  std::size_t done = 0;
  auto name_of = [&](const cell_task& t) {
    return matrices[t.subject].subject + "-" + (t.mutant < 0 ? std::string("baseline") : "mutant-" + std::to_string(t.mutant)) +
           "-cell-" + std::to_string(t.cell);
  };

  // 1. Baselines.
  std::size_t total = tasks.size();
  run_in_order(tasks, options.jobs, [](const cell_task&) { return false; }, [&](const cell_task& t) {
    model_outcome outcome = run_model(options.model, {{matrices[t.subject].cells[t.cell]}, {}, name_of(t)}, options.work_dir);
    std::lock_guard<std::mutex> lock(mutex);
    ++done;
    if (options.progress) {
      mutant_result shown;
      shown.status = outcome.process.exited_with(0) ? mutant_status::survived : mutant_status::error;
      shown.records = outcome.records;
      shown.wall_seconds = outcome.wall_seconds;
      options.progress("baseline", matrices[t.subject].cells[t.cell], shown, done, total);
    }
    baselines[t.subject][t.cell] = std::move(outcome);
  });
  std::vector<reached_site> all_reached;
  for (std::size_t s = 0; s < subjects.size(); ++s) {
    auto& m = matrices[s];
    std::vector<std::string> bounds;
    for (std::size_t c = 0; c < m.cells.size(); ++c) {
      const auto& b = baselines[s][c];
      m.model_seconds += b.wall_seconds;
      if (!b.problem.empty() || !b.process.exited_with(0)) {
        throw std::runtime_error("the unmutated reference cell " + m.cells[c] + " does not pass (" +
                                 (b.problem.empty() ? b.process.describe() : b.problem) +
                                 "), so no mutant can be judged; run: " + shell_command(b.command));
      }
      for (const auto& r : b.reached) {
        all_reached.push_back(r);
        if (std::find(m.reached.begin(), m.reached.end(), r.site) == m.reached.end()) m.reached.push_back(r.site);
      }
    }
    std::vector<results::record> records;
    for (const auto& b : baselines[s]) records.insert(records.end(), b.records.begin(), b.records.end());
    m.baseline_bound = describe_bound(records);
    m.baseline_command = shell_command(model_command(options.model, {{m.subject + "/reference/*/*"}, {}, ""}));
  }
  require_same_sources(all_sites, all_reached);

  // 2. Mutants, on the cells that reach their site.
  std::vector<std::vector<mutant>> mutants(subjects.size());
  std::vector<std::vector<std::vector<mutant_result>>> per_cell(subjects.size());
  std::vector<std::vector<bool>> killed(subjects.size());
  tasks.clear();
  for (std::size_t s = 0; s < subjects.size(); ++s) {
    mutants[s] = mutants_of(every_site[s]);
    if (options.weakened_sites) {
      mutants[s].erase(std::remove_if(mutants[s].begin(), mutants[s].end(),
                                      [&](const mutant& m) { return options.weakened_sites->count(m.site.id()) == 0; }),
                       mutants[s].end());
    }
    per_cell[s].resize(mutants[s].size());
    killed[s].assign(mutants[s].size(), false);
    for (std::size_t i = 0; i < mutants[s].size(); ++i) {
      per_cell[s][i].resize(matrices[s].cells.size());
      for (std::size_t c = 0; c < matrices[s].cells.size(); ++c) {
        const auto& reached = baselines[s][c].reached;
        const bool runs_site = std::any_of(reached.begin(), reached.end(),
                                           [&](const reached_site& r) { return r.site == mutants[s][i].site.id(); });
        per_cell[s][i][c].mutation = mutants[s][i];
        per_cell[s][i][c].status = mutant_status::unreached;
        if (runs_site) tasks.push_back({s, static_cast<long>(i), c});
      }
    }
  }
  done = 0;
  total = tasks.size();
  auto skip = [&](const cell_task& t) {
    std::lock_guard<std::mutex> lock(mutex);
    if (!killed[t.subject][static_cast<std::size_t>(t.mutant)]) return false;
    ++done;  // a cell of a mutant another cell already killed
    return true;
  };
  run_in_order(tasks, options.jobs, skip, [&](const cell_task& t) {
    const auto i = static_cast<std::size_t>(t.mutant);
    const mutant& m = mutants[t.subject][i];
    const std::string& cell = matrices[t.subject].cells[t.cell];
    const model_outcome outcome = run_model(options.model, {{cell}, {{m.site.id(), m.order}}, name_of(t)}, options.work_dir);
    mutant_result result = classify(m, outcome);
    std::lock_guard<std::mutex> lock(mutex);
    ++done;
    matrices[t.subject].model_seconds += outcome.wall_seconds;
    if (result.status == mutant_status::killed) killed[t.subject][i] = true;
    if (options.progress) options.progress(m.site.id() + " " + m.site.order + " -> " + m.order, cell, result, done, total);
    per_cell[t.subject][i][t.cell] = std::move(result);
  });

  for (std::size_t s = 0; s < subjects.size(); ++s) {
    for (std::size_t i = 0; i < mutants[s].size(); ++i) {
      mutant_result r = combine(mutants[s][i], per_cell[s][i]);
      r.command = shell_command(model_command(
          options.model, {{matrices[s].subject + "/reference/*/*"}, {{mutants[s][i].site.id(), mutants[s][i].order}}, ""}));
      if (r.replay_command.empty()) r.replay_command = r.status == mutant_status::killed ? r.command : "";
      matrices[s].results.push_back(std::move(r));
    }
  }
  return matrices;
}

}  // namespace ordercheck::orders
