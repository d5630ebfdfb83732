#include "cell_run.hpp"

#include <sstream>

#include "call_site.hpp"
#include "fix_search.hpp"
#include "history_parser.hpp"
#include "profiles.hpp"
#include "replay_token.hpp"

#ifndef ORDERCHECK_SOURCE_DIR
#define ORDERCHECK_SOURCE_DIR ""
#endif

namespace ordercheck::model {
namespace {

std::vector<reached_site> collect_reached(const cell& c) {
  std::vector<reached_site> reached;
  for (std::size_t i = 0; i < site_registry::size(); ++i) {
    char site[site_overrides::key_size];
    site_registry::site_at(i, site, sizeof site);
    reached.push_back({site, site_registry::declared_at(i), c.subject, c.variant});
  }
  return reached;
}

nlohmann::json settings_json(const run_settings& pass) {
  nlohmann::json j;
  j["scheduler"] = scheduler_name(pass.scheduler);
  if (pass.scheduler == scheduler_kind::random) {
    j["iterations"] = pass.iterations;
    j["seed"] = pass.seed;
  }
  if (pass.scheduler == scheduler_kind::bound) j["context_bound"] = pass.context_bound;
  return j;
}

// One search's line in engine.settings, and its cost added to the record's.
nlohmann::json account_pass(results::record& r, const run_settings& pass, const engine_outcome& outcome) {
  nlohmann::json j = settings_json(pass);
  j["executions"] = outcome.iterations;
  j["wall_seconds"] = outcome.wall_seconds;
  j["observed"] = results::verdict_name(outcome.observed);
  r.iterations += outcome.iterations;
  r.wall_seconds += outcome.wall_seconds;
  return j;
}

std::string where(const results::site& s) {
  std::ostringstream out;
  out << s.file << ":" << s.line << " (" << s.operation;
  if (!s.order.empty()) out << ", " << s.order;
  out << ")";
  return out.str();
}

// Fills the failure part of the record from Relacy's history.
void describe_failure(results::record& r, const engine_outcome& outcome) {
  const parsed_history parsed = parse_history(outcome.history, ORDERCHECK_SOURCE_DIR);
  r.interleaving = parsed.steps;
  r.sites = parsed.sites;
  std::string message = std::string(results::verdict_name(r.observed));
  if (!parsed.sites.empty()) message += " at " + where(parsed.sites.front());
  for (std::size_t i = 1; i < parsed.sites.size(); ++i) {
    message += "; " + parsed.sites[i].role + ": " + where(parsed.sites[i]);
  }
  message += " [Relacy: " + (parsed.failure.empty() ? outcome.engine_result : parsed.failure) + "]";
  r.message = message;
}

void attach_replay(results::record& r, const cell& c, const run_settings& pass,
                   const engine_outcome& outcome) {
  if (outcome.observed == results::verdict::pass || outcome.final_state.empty()) return;
  replay_request request;
  request.cell_id = c.id();
  request.settings = pass;
  request.settings.replay_state = outcome.final_state;
  request.mutations = installed_mutations();
  r.replay.token = encode_replay_token(request);
  r.replay.command = "ordercheck-model --replay " + r.replay.token;
}

constexpr unsigned simplest_schedule_max_bound = 2;

// The simplest schedule (iterative context bounding, as CHESS does): after a
// failure, search again with context bound 0, then 1, then 2, and keep the
// first execution that fails the same way: it has the fewest preemptions
// (Relacy's bound scheduler stops at its first failure, so among those it is
// the first found, not the shortest). Bounds at or above a failing bound pass
// are not searched: that pass already found one. Each search's cost goes in
// engine.settings.simplest_search.
void find_simplest_schedule(const cell& c, engine_outcome& last, run_settings& last_pass, results::record& r) {
  nlohmann::json searches = nlohmann::json::array();
  for (unsigned bound = 0; bound <= simplest_schedule_max_bound; ++bound) {
    if (last_pass.scheduler == scheduler_kind::bound && bound >= last_pass.context_bound) break;
    run_settings pass;
    pass.scheduler = scheduler_kind::bound;
    pass.context_bound = bound;
    const engine_outcome outcome = c.run(pass);
    searches.push_back(account_pass(r, pass, outcome));
    if (outcome.observed == last.observed && !outcome.history.empty()) {
      last = outcome;
      last_pass = pass;
      break;
    }
  }
  r.engine_settings["simplest_search"] = searches;
}

}  // namespace

results::record base_record(const cell& c) {
  results::record r;
  r.check = c.id();
  r.subject = c.subject;
  r.variant = c.variant;
  r.contract = c.contract;
  r.layer = "model";
  r.engine = "relacy";
  r.expected = c.expected;
  r.scenario = c.scenario + ": " + c.description;
  for (const auto& [site, order] : installed_mutations()) r.mutations.push_back({site, order});
  return r;
}

std::vector<std::pair<std::string, std::string>> installed_mutations() {
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t i = 0; i < site_overrides::size(); ++i) {
    out.emplace_back(site_overrides::site_at(i), site_overrides::order_at(i));
  }
  return out;
}

namespace {

bool wants_fix_search(const results::record& r, failure_options::fix_mode mode) {
  using mode_t = failure_options::fix_mode;
  if (mode == mode_t::never) return false;
  const bool ordering_defect =
      r.observed == results::verdict::data_race || r.observed == results::verdict::use_after_free;
  if (mode == mode_t::always) return ordering_defect;
  return ordering_defect && !r.matches() && r.mutations.empty();
}

}  // namespace

cell_run_result run_cell(const cell& c, const std::vector<run_settings>& passes,
                         const std::string& profile, const failure_options& options) {
  site_registry::clear();
  cell_run_result result;
  results::record& r = result.record;
  r = base_record(c);
  nlohmann::json pass_list = nlohmann::json::array();
  engine_outcome last;
  run_settings last_pass;
  for (const run_settings& pass : passes) {
    last = c.run(pass);
    last_pass = pass;
    pass_list.push_back(account_pass(r, pass, last));
    if (pass.scheduler == scheduler_kind::random) r.seed = pass.seed;
    if (last.observed != results::verdict::pass) break;
  }
  r.observed = last.observed;
  r.engine_settings = {{"profile", profile}, {"passes", pass_list}};
  if (last.observed == results::verdict::pass) {
    std::string searches;
    for (const auto& pass : passes) searches += (searches.empty() ? "" : " + ") + describe_pass(pass);
    r.message = "no failure in " + std::to_string(r.iterations) + " executions (" + searches + ")";
  } else {
    if (options.simplest_schedule) find_simplest_schedule(c, last, last_pass, r);
    r.engine_settings["failing_pass"] = settings_json(last_pass);
    describe_failure(r, last);
    if (wants_fix_search(r, options.fix)) r.fix = search_fix(c, r, passes);
    attach_replay(r, c, last_pass, last);
    result.history = last.history;
  }
  result.reached = collect_reached(c);
  return result;
}

cell_run_result replay_cell(const cell& c, const run_settings& settings) {
  site_registry::clear();
  cell_run_result result;
  results::record& r = result.record;
  r = base_record(c);
  const engine_outcome outcome = c.run(settings);
  r.observed = outcome.observed;
  r.iterations = outcome.iterations;
  r.wall_seconds = outcome.wall_seconds;
  r.engine_settings = {{"profile", "replay"}, {"failing_pass", settings_json(settings)}};
  if (settings.scheduler == scheduler_kind::random) r.seed = settings.seed;
  if (outcome.observed == results::verdict::pass) {
    r.message = "the saved execution did not fail when replayed";
  } else {
    describe_failure(r, outcome);
    attach_replay(r, c, settings, outcome);
    result.history = outcome.history;
  }
  result.reached = collect_reached(c);
  return result;
}

}  // namespace ordercheck::model
