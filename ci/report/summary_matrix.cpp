#include "summary_matrix.hpp"

#include "text_table.hpp"

#include <algorithm>
#include <map>
#include <sstream>

namespace ordercheck::report {
namespace {

// The gate's layer order (ci/gate); a layer it does not know sorts after them.
int layer_rank(const std::string& layer) {
  static const std::vector<std::string> order{"model", "stress", "properties", "properties-tsan", "properties-model",
                                              "orders"};
  const auto at = std::find(order.begin(), order.end(), layer);
  return static_cast<int>(at - order.begin());
}

std::string legend() {
  return wrap_text("ok: every check passed, as expected. found: a known defect found, as expected (EXPECTED "
                   "FINDINGS below). not seen: a defect this layer finds only sometimes did not show in this run (a "
                   "rate, not a gate; README, detection rates). FAIL: an observed verdict that is not expected (GATE FAILURES below). K/N "
                   "killed: the orders layer killed K of its N mutants (MUTATION ANALYSIS below). Blank: the layer "
                   "has no such cell. Expected and observed verdicts per cell: CELLS, at the end.",
                   page_width);
}

std::string padded(const std::string& text, std::size_t width) {
  return text.size() >= width ? text : text + std::string(width - text.size(), ' ');
}

}  // namespace

std::string cell_mark(const cell& c) {
  if (!c.matches()) return "FAIL";
  if (!c.records.empty() && is_mutant(*c.records.front())) {
    const auto killed = std::count_if(c.records.begin(), c.records.end(),
                                      [](const record* r) { return r->observed != results::verdict::pass; });
    return std::to_string(killed) + "/" + std::to_string(c.records.size()) + " killed";
  }
  const bool finding = std::any_of(c.records.begin(), c.records.end(), [](const record* r) { return is_defect(*r); });
  if (finding) return "found";
  // Every check passed; when some check allowed a defect too (a rate, not a
  // gate: real threads find it only sometimes), say that it did not show.
  const bool defect_allowed = std::any_of(c.records.begin(), c.records.end(), [](const record* r) {
    return std::any_of(r->expected.begin(), r->expected.end(),
                       [](results::verdict v) { return v != results::verdict::pass; });
  });
  return defect_allowed ? "not seen" : "ok";
}

std::string summary_matrix_text(const run_results& results) {
  std::vector<std::string> layers;
  for (const cell& c : results.cells) {
    if (std::find(layers.begin(), layers.end(), c.layer) == layers.end()) layers.push_back(c.layer);
  }
  std::stable_sort(layers.begin(), layers.end(), [](const std::string& a, const std::string& b) {
    return std::make_pair(layer_rank(a), a) < std::make_pair(layer_rank(b), b);
  });

  // Rows in the cells' order (organize() sorts them by subject, variant,
  // contract); a row's marks by layer.
  struct row {
    std::string subject, label;
    std::map<std::string, std::string> marks;
  };
  std::vector<row> rows;
  for (const cell& c : results.cells) {
    const std::string label = c.variant + (c.contract.empty() ? "" : "/" + c.contract);
    if (rows.empty() || rows.back().subject != c.subject || rows.back().label != label) {
      rows.push_back({c.subject, label, {}});
    }
    rows.back().marks[c.layer] = cell_mark(c);
  }

  std::size_t label_width = std::string("variant/contract").size();
  for (const row& r : rows) label_width = std::max(label_width, r.label.size() + 2);
  std::vector<std::size_t> widths;
  for (const std::string& layer : layers) {
    std::size_t w = layer.size();
    for (const row& r : rows) {
      if (auto m = r.marks.find(layer); m != r.marks.end()) w = std::max(w, m->second.size());
    }
    widths.push_back(w);
  }

  std::size_t line_width = label_width;
  for (std::size_t w : widths) line_width += 2 + w;
  if (line_width > page_width) {
    // Long variant or layer names: a table whose widest columns wrap.
    std::vector<std::string> headers{"subject/variant/contract"};
    headers.insert(headers.end(), layers.begin(), layers.end());
    text_table table(headers);
    for (const row& r : rows) {
      std::vector<std::string> cells{r.subject + "/" + r.label};
      for (const std::string& layer : layers) {
        const auto m = r.marks.find(layer);
        cells.push_back(m == r.marks.end() ? "" : m->second);
      }
      table.add_row(cells);
    }
    return table.render() + legend();
  }

  std::ostringstream out;
  std::string header = padded("variant/contract", label_width);
  for (std::size_t i = 0; i < layers.size(); ++i) header += "  " + padded(layers[i], widths[i]);
  out << header.substr(0, header.find_last_not_of(' ') + 1) << "\n";
  std::string subject;
  for (const row& r : rows) {
    if (r.subject != subject) {
      subject = r.subject;
      out << subject << "\n";
    }
    std::string line = padded("  " + r.label, label_width);
    for (std::size_t i = 0; i < layers.size(); ++i) {
      const auto m = r.marks.find(layers[i]);
      line += "  " + padded(m == r.marks.end() ? "" : m->second, widths[i]);
    }
    out << line.substr(0, line.find_last_not_of(' ') + 1) << "\n";
  }
  out << legend();
  return out.str();
}

}  // namespace ordercheck::report
