#include "fix_search.hpp"

#include <set>

#include "call_site.hpp"
#include "cell_run.hpp"
#include "mutations.hpp"

namespace ordercheck::model {
namespace {

bool is_atomic_operation(const std::string& operation) {
  static const std::set<std::string> atomic{"load",      "store",    "exchange", "fetch_add",       "fetch_sub",
                                            "fetch_or",  "fetch_and", "fetch_xor", "compare_exchange", "fence"};
  return atomic.count(operation) != 0;
}

struct candidate {
  std::string site;
  std::string operation;
  std::string order;
};

std::vector<candidate> candidates_of(const results::record& failing) {
  std::set<int> threads;
  int failure_step = 0;
  for (const auto& s : failing.sites) {
    for (const auto& step : failing.interleaving) {
      if (step.step == s.step) threads.insert(step.thread);
    }
  }
  for (const auto& step : failing.interleaving) {
    if (step.operation == "failure") failure_step = step.step;
  }
  std::vector<candidate> out;
  std::set<std::string> seen;
  for (const auto& step : failing.interleaving) {
    if (failure_step != 0 && step.step >= failure_step) break;
    if (threads.count(step.thread) == 0 || !is_atomic_operation(step.operation)) continue;
    if (step.file.rfind("impl/", 0) != 0 || step.order.empty()) continue;
    const std::string site = step.file + ":" + std::to_string(step.line) + ":" + step.operation;
    if (!seen.insert(site).second) continue;
    out.push_back({site, step.operation, step.order});
  }
  return out;
}

}  // namespace

std::vector<std::string> one_step_stronger(const std::string& operation, const std::string& order) {
  if (order == "seq_cst") return {};
  if (order == "acq_rel") return {"seq_cst"};
  if (operation == "load") return order == "relaxed" ? std::vector<std::string>{"acquire"} : std::vector<std::string>{"seq_cst"};
  if (operation == "store") return order == "relaxed" ? std::vector<std::string>{"release"} : std::vector<std::string>{"seq_cst"};
  if (operation == "fence") return order == "relaxed" ? std::vector<std::string>{} : std::vector<std::string>{"acq_rel"};
  // Read-modify-writes and compare_exchange.
  if (order == "relaxed") return {"acquire", "release"};
  return {"acq_rel"};
}

results::fix_search search_fix(const cell& c, const results::record& failing,
                               const std::vector<run_settings>& passes) {
  results::fix_search fix;
  fix.searched = true;
  const auto installed = installed_mutations();
  for (const candidate& k : candidates_of(failing)) {
    for (const std::string& stronger : one_step_stronger(k.operation, k.order)) {
      ++fix.candidates;
      auto mutations = installed;
      bool replaced = false;
      for (auto& [site, order] : mutations) {
        if (site == k.site) order = stronger, replaced = true;
      }
      if (!replaced) mutations.emplace_back(k.site, stronger);
      install_mutations(mutations);
      bool passes_all = true;
      unsigned long long executions = 0;
      for (const run_settings& pass : passes) {
        const engine_outcome outcome = c.run(pass);
        executions += outcome.iterations;
        fix.wall_seconds += outcome.wall_seconds;
        if (outcome.observed != results::verdict::pass) {
          passes_all = false;
          break;
        }
      }
      fix.executions += executions;
      if (passes_all) fix.repairs.push_back({k.site, k.order, stronger, executions});
    }
  }
  install_mutations(installed);
  return fix;
}

}  // namespace ordercheck::model
