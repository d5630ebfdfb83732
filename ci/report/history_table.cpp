#include "history_table.hpp"

#include "text_table.hpp"

#include <algorithm>
#include <cstddef>
#include <sstream>
#include <vector>

namespace ordercheck::report {
namespace {

constexpr const char* table_title = "history (one column per thread";

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

// A table row: its cells between " | " separators (the row ends with one).
std::vector<std::string> cells_of(const std::string& row) {
  std::vector<std::string> cells;
  std::size_t at = 0;
  while (true) {
    const auto bar = row.find(" | ", at);
    if (bar == std::string::npos) break;
    cells.push_back(trimmed(row.substr(at, bar - at)));
    at = bar + 3;
  }
  if (!trimmed(row.substr(std::min(at, row.size()))).empty()) cells.push_back(trimmed(row.substr(at)));
  return cells;
}

// The table's rows (header first) laid out by text_table; column 0, the
// prefix, only when one of its cells is not empty.
std::string render(std::vector<std::vector<std::string>> rows, std::size_t width) {
  std::size_t columns = 0;
  for (const auto& row : rows) columns = std::max(columns, row.size());
  for (auto& row : rows) row.resize(columns);
  bool prefix_used = false;
  for (std::size_t i = 1; i < rows.size(); ++i) prefix_used = prefix_used || !rows[i][0].empty();
  const std::size_t first = prefix_used || columns < 2 ? 0 : 1;
  auto slice = [&](const std::vector<std::string>& row) {
    return std::vector<std::string>(row.begin() + static_cast<std::ptrdiff_t>(first), row.end());
  };
  text_table table(slice(rows.front()));
  for (std::size_t i = 1; i < rows.size(); ++i) table.add_row(slice(rows[i]));
  std::string out;
  std::istringstream lines(table.render(width > 2 ? width - 2 : width));
  for (std::string line; std::getline(lines, line);) out += "  " + line + "\n";
  return out;
}

}  // namespace

bool has_history_table(const std::string& scenario) {
  std::istringstream in(scenario);
  for (std::string line; std::getline(in, line);) {
    if (starts_with(line, table_title)) return true;
  }
  return false;
}

std::string tidy_history_tables(const std::string& scenario, std::size_t width) {
  std::istringstream in(scenario);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += lines[i] + "\n";
    if (!starts_with(lines[i], table_title)) continue;
    // The rows: the indented lines with a separator that follow the title.
    std::vector<std::vector<std::string>> rows;
    std::size_t end = i + 1;
    while (end < lines.size() && starts_with(lines[end], "  ") && lines[end].find(" | ") != std::string::npos) {
      rows.push_back(cells_of(lines[end++]));
    }
    if (rows.size() < 2) continue;  // no header and rows: leave it as it is
    out += render(rows, width);
    i = end - 1;
  }
  if (!scenario.empty() && scenario.back() != '\n' && !out.empty()) out.pop_back();
  return out;
}

}  // namespace ordercheck::report
