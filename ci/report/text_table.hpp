// A plain-text table with padded columns; a cell may hold several lines.
// Used by the text report's summary and its swimlanes.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace ordercheck::report {

// Lines of `text` no longer than `width`, broken at spaces where there are
// some (else hard); continuation lines start with `indent`.
std::string wrap_text(const std::string& text, std::size_t width, const std::string& indent = "  ");

// The report's page width: no rendered line is longer (README, "Reports").
inline constexpr std::size_t page_width = 120;

class text_table {
 public:
  explicit text_table(std::vector<std::string> headers);
  // One row; each cell may contain '\n' (the row grows to its tallest cell).
  void add_row(std::vector<std::string> cells);
  // Columns separated by " | ", a rule of '-' under the headers; the widest
  // columns are narrowed (their cells wrapped) until a line fits `max_width`.
  std::string render(std::size_t max_width = page_width) const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace ordercheck::report
