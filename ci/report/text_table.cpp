#include "text_table.hpp"

#include <algorithm>
#include <sstream>

namespace ordercheck::report {
namespace {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  if (lines.empty()) lines.emplace_back();
  return lines;
}

std::string right_trimmed(std::string line) {
  line.erase(line.find_last_not_of(' ') + 1);
  return line;
}

}  // namespace

text_table::text_table(std::vector<std::string> headers) : headers_(std::move(headers)) {}

void text_table::add_row(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  rows_.push_back(std::move(cells));
}

std::string text_table::render() const {
  std::vector<std::size_t> widths(headers_.size());
  for (std::size_t c = 0; c < headers_.size(); ++c) widths[c] = headers_[c].size();
  for (const auto& row : rows_) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      for (const auto& line : split_lines(row[c])) widths[c] = std::max(widths[c], line.size());
    }
  }
  auto render_line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) out += " | ";
      out += cells[c] + std::string(widths[c] - cells[c].size(), ' ');
    }
    return right_trimmed(out) + "\n";
  };
  std::string out = render_line(headers_);
  std::string rule;
  for (std::size_t c = 0; c < widths.size(); ++c) rule += (c > 0 ? "-+-" : "") + std::string(widths[c], '-');
  out += rule + "\n";
  for (const auto& row : rows_) {
    std::vector<std::vector<std::string>> cell_lines;
    std::size_t height = 1;
    for (const auto& cell : row) {
      cell_lines.push_back(split_lines(cell));
      height = std::max(height, cell_lines.back().size());
    }
    for (std::size_t line = 0; line < height; ++line) {
      std::vector<std::string> cells;
      for (const auto& lines : cell_lines) cells.push_back(line < lines.size() ? lines[line] : "");
      out += render_line(cells);
    }
  }
  return out;
}

}  // namespace ordercheck::report
