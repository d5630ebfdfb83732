// The runner's output files: results records appended as JSON Lines and
// flushed per cell (a killed run loses nothing), and the reached sites
// written atomically at the end.
#pragma once

#include <fstream>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "cell_run.hpp"
#include "result_record.hpp"

namespace ordercheck::model {

class results_file {
 public:
  explicit results_file(const std::string& path);  // "" writes nothing
  void append(const results::record& record);

 private:
  std::ofstream out_;
  std::string path_;
};

class reached_sites_file {
 public:
  explicit reached_sites_file(std::string path) : path_(std::move(path)) {}
  void add(const std::vector<reached_site>& sites);
  void write() const;

 private:
  std::string path_;
  std::vector<reached_site> sites_;
  std::set<std::tuple<std::string, std::string, std::string>> seen_;  // site, subject, variant
};

}  // namespace ordercheck::model
