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

// The longest piece of `text` that wrap_text does not break (a word, a path
// component), at least 1; with `at_dots`, a file name's stem and extension
// count apart (wrap_text breaks there only when nothing else fits).
std::size_t longest_piece(const std::string& text, bool at_dots = false) {
  std::size_t longest = 1, run = 0;
  for (char ch : text) {
    if (ch == ' ' || ch == '\n') {
      run = 0;
      continue;
    }
    ++run;
    longest = std::max(longest, run);
    if (ch == '/' || ch == '|' || ch == ',' || (at_dots && ch == '.')) run = 0;
  }
  return longest;
}

// The length of the piece `line` starts with: up to its first space, or
// through its first '/', '|' or ',' (where wrap_text may break), or '.'
// too with `at_dots`.
std::size_t first_piece(const std::string& line, bool at_dots = false) {
  const auto end = line.find_first_of(at_dots ? " /|,." : " /|,");
  if (end == std::string::npos) return line.size();
  return line[end] == ' ' ? end : end + 1;
}

}  // namespace

std::string wrap_text(const std::string& text, std::size_t width, const std::string& indent) {
  std::string out;
  for (const auto& whole : split_lines(text)) {
    std::string line = whole;
    bool first = true;
    while (true) {
      // A continuation line whose first piece fits the width but not after
      // the indent goes without it, rather than break inside the piece
      // ("...scenarios.hpp:10" / "2 free_buffer").
      auto fits_only_unindented = [&](std::size_t piece) { return piece + indent.size() > width && piece <= width; };
      const std::size_t whole = first_piece(line);
      const bool indented = !first && !(fits_only_unindented(whole) ||
                                        (whole > width && fits_only_unindented(first_piece(line, true))));
      const std::string prefix = indented ? indent : "";
      const std::size_t room = width > prefix.size() ? width - prefix.size() : 1;
      if (line.size() <= room) {
        out += prefix + line + "\n";
        break;
      }
      // Break after a space, else after a '/', '|' or ',' (paths, verdict
      // sets), else anywhere.
      std::size_t cut = line.rfind(' ', room);
      if (cut == std::string::npos || cut == 0) {
        cut = line.find_last_of("/|,", room - 1);
        if (cut == std::string::npos) cut = line.find_last_of('.', room - 1);  // "...scenarios." / "hpp:105"
        cut = cut == std::string::npos ? room : cut + 1;
      }
      out += prefix + right_trimmed(line.substr(0, cut)) + "\n";
      line = line.substr(cut);
      line.erase(0, line.find_first_not_of(' ') == std::string::npos ? line.size() : line.find_first_not_of(' '));
      first = false;
      if (line.empty()) break;
    }
  }
  return out;
}

text_table::text_table(std::vector<std::string> headers) : headers_(std::move(headers)) {}

void text_table::add_row(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  rows_.push_back(std::move(cells));
}

std::string text_table::render(std::size_t max_width) const {
  std::vector<std::size_t> widths(headers_.size());
  for (std::size_t c = 0; c < headers_.size(); ++c) widths[c] = headers_[c].size();
  for (const auto& row : rows_) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      for (const auto& line : split_lines(row[c])) widths[c] = std::max(widths[c], line.size());
    }
  }
  // Narrow the widest column, one character at a time, until the line fits;
  // no column below its longest unbreakable piece (header included) or 8.
  // Only when that is not enough (three lanes of a long file name), file
  // names may break before their extension too.
  auto total = [&] {
    std::size_t sum = widths.empty() ? 0 : 3 * (widths.size() - 1);
    for (auto w : widths) sum += w;
    return sum;
  };
  for (const bool at_dots : {false, true}) {
    std::vector<std::size_t> least(headers_.size());
    for (std::size_t c = 0; c < headers_.size(); ++c) {
      least[c] = std::max<std::size_t>(longest_piece(headers_[c]), 8);
      for (const auto& row : rows_) least[c] = std::max(least[c], longest_piece(row[c], at_dots));
      least[c] = std::min(least[c], widths[c]);
    }
    while (total() > max_width) {
      std::size_t widest = widths.size();
      for (std::size_t c = 0; c < widths.size(); ++c) {
        if (widths[c] > least[c] && (widest == widths.size() || widths[c] > widths[widest])) widest = c;
      }
      if (widest == widths.size()) break;  // as narrow as it goes
      --widths[widest];
    }
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : rows_) {
    std::vector<std::string> wrapped;
    for (std::size_t c = 0; c < row.size(); ++c) wrapped.push_back(wrap_text(row[c], widths[c], " "));
    rows.push_back(std::move(wrapped));
  }
  auto render_line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) out += " | ";
      out += cells[c] + std::string(widths[c] > cells[c].size() ? widths[c] - cells[c].size() : 0, ' ');
    }
    return right_trimmed(out) + "\n";
  };
  std::string out;
  {
    std::vector<std::vector<std::string>> header_lines;
    std::size_t height = 1;
    for (std::size_t c = 0; c < headers_.size(); ++c) {
      header_lines.push_back(split_lines(wrap_text(headers_[c], widths[c], "")));
      height = std::max(height, header_lines.back().size());
    }
    for (std::size_t line = 0; line < height; ++line) {
      std::vector<std::string> cells;
      for (const auto& lines : header_lines) cells.push_back(line < lines.size() ? lines[line] : "");
      out += render_line(cells);
    }
  }
  std::string rule;
  for (std::size_t c = 0; c < widths.size(); ++c) rule += (c > 0 ? "-+-" : "") + std::string(widths[c], '-');
  out += rule + "\n";
  for (const auto& row : rows) {
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
