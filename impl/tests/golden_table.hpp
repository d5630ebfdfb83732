// Golden tables of declared cells and checks (model/tests and stress/tests
// declarations tests): reading one, and the subjects it pins.
#pragma once

#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace ordercheck::golden {

// The whole text of the golden file at `path` (empty when it is missing, so
// the comparison fails and names the file).
inline std::string read_golden(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The subjects a golden table pins: the first part of each unindented id line
// ("owner_tag/reference/gil/..." -> "owner_tag"). Cells of other subjects are
// not compared, so adding a subject edits no golden file.
inline std::set<std::string> golden_subjects(const std::string& golden) {
  std::set<std::string> subjects;
  std::istringstream lines(golden);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line[0] != ' ') subjects.insert(line.substr(0, line.find('/')));
  }
  return subjects;
}

}  // namespace ordercheck::golden
