#include "report_data.hpp"

#include "why_text.hpp"

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

// A mutant's contract is that of the cell that killed it, or "every" for a
// survivor: the mutants of one subject and variant share one row.
const std::string& cell_contract(const record& r) {
  static const std::string none;
  return is_mutant(r) ? none : r.contract;
}

auto cell_key(const record& r) { return std::tie(r.subject, r.variant, cell_contract(r), r.layer); }

}  // namespace

std::string cell::name() const { return subject + "/" + variant + (contract.empty() ? "" : "/" + contract); }

std::string cell::expected_text() const {
  std::vector<std::string> sets;
  for (const record* r : records) add_distinct(sets, report::expected_text(*r));
  return join(sets, ", ");
}

std::string cell::observed_text() const {
  if (!records.empty() && is_mutant(*records.front())) {
    std::size_t killed = 0, survived = 0, other = 0;
    for (const record* r : records) {
      if (r->observed == results::verdict::pass) ++survived;
      else if (r->matches()) ++killed;
      else ++other;
    }
    std::string text = std::to_string(killed) + " killed, " + std::to_string(survived) + " survived";
    return other == 0 ? text : text + ", " + std::to_string(other) + " not judged";
  }
  std::vector<std::string> observed;
  for (const record* r : records) add_distinct(observed, results::verdict_name(r->observed));
  return join(observed, ", ");
}

std::string cell::engines_text() const {
  std::vector<std::string> engines;
  for (const record* r : records) add_distinct(engines, r->engine);
  return join(engines, ", ");
}

std::string cell::result_text() const {
  if (!matches()) return "MISMATCH";
  if (!records.empty() && is_mutant(*records.front())) return "ok (mutation analysis)";
  const bool finding = std::any_of(records.begin(), records.end(), [](const record* r) { return is_defect(*r); });
  return finding ? "ok (defect found)" : "ok";
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
    if (r.matches() && is_defect(r) && !is_mutant(r)) out.push_back(&r);
  }
  return smallest_first(out);
}

std::vector<const record*> run_results::mutants() const {
  std::vector<const record*> out;
  for (const record& r : records) {
    if (is_mutant(r) && r.matches()) out.push_back(&r);
  }
  return out;
}

bool run_results::all_match() const {
  return std::all_of(records.begin(), records.end(), [](const record& r) { return r.matches(); });
}

run_results organize(std::vector<record> records) {
  run_results out;
  out.records = std::move(records);
  // The why sentence in the record too (results.jsonl), for records whose
  // runner did not write it.
  for (record& r : out.records) {
    if (r.why.empty()) r.why = why_text(r);
  }
  // Stable, so records of one check from several engines keep their input order.
  std::stable_sort(out.records.begin(), out.records.end(), [](const record& a, const record& b) {
    return std::tie(a.subject, a.variant, cell_contract(a), a.layer, a.check) <
           std::tie(b.subject, b.variant, cell_contract(b), b.layer, b.check);
  });
  for (const record& r : out.records) {
    if (out.cells.empty() || cell_key(*out.cells.back().records.front()) != cell_key(r)) {
      out.cells.push_back({r.subject, r.variant, cell_contract(r), r.layer, {}});
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

bool is_mutant(const record& r) { return r.layer == "orders" && !r.mutations.empty(); }

std::string mutant_outcome(const record& r) {
  if (!is_mutant(r)) return "";
  if (!r.matches()) return std::string("mutant not judged (") + results::verdict_name(r.observed) + ")";
  if (r.observed == results::verdict::pass) return "mutant survived (order stronger than any model needs)";
  return std::string("mutant killed (") + results::verdict_name(r.observed) + ")";
}

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
  // A mutant accepts either outcome (both are read, neither fails the gate).
  if (is_mutant(r)) return "killed|survived";
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
