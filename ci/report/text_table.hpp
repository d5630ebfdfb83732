// A plain-text table with padded columns; a cell may hold several lines.
// Used by the text report's summary and its swimlanes.
#pragma once

#include <string>
#include <vector>

namespace ordercheck::report {

class text_table {
 public:
  explicit text_table(std::vector<std::string> headers);
  // One row; each cell may contain '\n' (the row grows to its tallest cell).
  void add_row(std::vector<std::string> cells);
  // Columns separated by " | ", a rule of '-' under the headers.
  std::string render() const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace ordercheck::report
