#include "report_data.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace ordercheck::report {
namespace {

std::string join(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : separator) + part;
  return out;
}

// Distinct values in first-seen order.
void add_distinct(std::vector<std::string>& values, const std::string& value) {
  if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
}

auto cell_key(const record& r) { return std::tie(r.subject, r.variant, r.contract, r.layer); }

}  // namespace

std::string cell::name() const { return subject + "/" + variant + "/" + contract; }

std::string cell::expected_text() const {
  std::vector<std::string> sets;
  for (const record* r : records) add_distinct(sets, report::expected_text(*r));
  return join(sets, ", ");
}

std::string cell::observed_text() const {
  std::vector<std::string> observed;
  for (const record* r : records) add_distinct(observed, results::verdict_name(r->observed));
  return join(observed, ", ");
}

std::string cell::engines_text() const {
  std::vector<std::string> engines;
  for (const record* r : records) add_distinct(engines, r->engine);
  return join(engines, ", ");
}

bool cell::matches() const {
  return std::all_of(records.begin(), records.end(), [](const record* r) { return r->matches(); });
}

std::vector<const record*> run_results::gate_failures() const {
  std::vector<const record*> out;
  for (const record& r : records) {
    if (!r.matches()) out.push_back(&r);
  }
  return smallest_first(out);
}

std::vector<const record*> run_results::expected_findings() const {
  std::vector<const record*> out;
  for (const record& r : records) {
    if (r.matches() && is_defect(r)) out.push_back(&r);
  }
  return smallest_first(out);
}

bool run_results::all_match() const {
  return std::all_of(records.begin(), records.end(), [](const record& r) { return r.matches(); });
}

run_results organize(std::vector<record> records) {
  run_results out;
  out.records = std::move(records);
  // Stable, so records of one check from several engines keep their input order.
  std::stable_sort(out.records.begin(), out.records.end(), [](const record& a, const record& b) {
    return std::tie(a.subject, a.variant, a.contract, a.layer, a.check) <
           std::tie(b.subject, b.variant, b.contract, b.layer, b.check);
  });
  for (const record& r : out.records) {
    if (out.cells.empty() || cell_key(*out.cells.back().records.front()) != cell_key(r)) {
      out.cells.push_back({r.subject, r.variant, r.contract, r.layer, {}});
    }
    out.cells.back().records.push_back(&r);
  }
  return out;
}

run_results read_results(const std::vector<std::string>& paths) {
  std::vector<record> all;
  for (const auto& path : paths) {
    auto records = results::read_json_lines(path);
    all.insert(all.end(), std::make_move_iterator(records.begin()), std::make_move_iterator(records.end()));
  }
  return organize(std::move(all));
}

bool is_defect(const record& r) { return r.observed != results::verdict::pass; }

std::vector<const record*> smallest_first(std::vector<const record*> records) {
  std::stable_sort(records.begin(), records.end(), [](const record* a, const record* b) {
    return a->interleaving.size() < b->interleaving.size();
  });
  return records;
}

std::vector<int> threads_of(const record& r) {
  std::set<int> threads;
  for (const auto& s : r.interleaving) threads.insert(s.thread);
  return {threads.begin(), threads.end()};
}

std::string expected_text(const record& r) {
  // Every verdict but pass, error and engine_error: "any defect" (e.g. a
  // mutation must be killed).
  const auto is_expected = [&r](results::verdict v) {
    return std::find(r.expected.begin(), r.expected.end(), v) != r.expected.end();
  };
  bool any_defect = !is_expected(results::verdict::pass);
  for (const auto& name : results::all_verdict_names()) {
    const auto v = results::verdict_from_name(name);
    const bool defect = v != results::verdict::pass && v != results::verdict::error &&
                        v != results::verdict::engine_error;
    if (defect && !is_expected(v)) any_defect = false;
  }
  if (any_defect) return "any defect";
  std::vector<std::string> names;
  for (auto v : r.expected) names.emplace_back(results::verdict_name(v));
  return join(names, "|");
}

const results::site* primary_site(const record& r) {
  if (!r.sites.empty() && !r.sites.front().file.empty()) return &r.sites.front();
  return nullptr;
}

}  // namespace ordercheck::report
