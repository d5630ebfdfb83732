#include "output_files.hpp"

#include <nlohmann/json.hpp>

#include "atomic_file.hpp"
#include "bad_input.hpp"

namespace ordercheck::model {

results_file::results_file(const std::string& path) : path_(path) {
  if (path.empty()) return;
  out_.open(path, std::ios::app);
  if (!out_) throw bad_input("cannot open --json file '" + path + "' for appending");
}

void results_file::append(const results::record& record) {
  if (path_.empty()) return;
  out_ << results::to_json_line(record) << "\n";
  out_.flush();
}

void reached_sites_file::add(const std::vector<reached_site>& sites) {
  for (const auto& s : sites) {
    if (seen_.insert({s.site, s.subject, s.variant}).second) sites_.push_back(s);
  }
}

void reached_sites_file::write() const {
  if (path_.empty()) return;
  nlohmann::json array = nlohmann::json::array();
  for (const auto& s : sites_) {
    array.push_back({{"site", s.site}, {"declared_order", s.declared_order}, {"subject", s.subject},
                     {"variant", s.variant}});
  }
  results::write_file_atomically(path_, array.dump(2) + "\n");
}

}  // namespace ordercheck::model
