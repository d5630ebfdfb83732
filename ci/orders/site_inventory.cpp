#include "site_inventory.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "child_process.hpp"
#include "site_parser.hpp"

namespace ordercheck::orders {
namespace fs = std::filesystem;

namespace {
bool is_header(const std::string& path) {
  return path.size() > 4 && path.compare(path.size() - 4, 4, ".hpp") == 0;
}
// A header whose atomic sites the models can reach and override: every header
// under impl/ordercheck/ but a subject's stress/ folder, which holds
// real-thread-only scenarios (random mixes, forced interleavings written with
// std::atomic directly) that no model ever runs.
bool holds_model_sites(const std::string& path) {
  return is_header(path) && path.find("/stress/") == std::string::npos;
}
}  // namespace

source_files read_working_tree(const std::string& repository_root) {
  source_files files;
  const fs::path root = fs::path(repository_root) / "impl" / "ordercheck";
  if (!fs::is_directory(root)) {
    throw std::runtime_error("no impl/ordercheck under '" + repository_root + "'; pass --root with the repository");
  }
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || !holds_model_sites(fs::relative(entry.path(), repository_root).generic_string())) {
      continue;
    }
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    files[fs::relative(entry.path(), repository_root).generic_string()] = text.str();
  }
  return files;
}

source_files read_revision(const std::string& repository_root, const std::string& revision) {
  const process_result listing = capture_process(
      {"git", "-C", repository_root, "ls-tree", "-r", "--name-only", revision, "--", "impl/ordercheck"});
  if (!listing.exited_with(0)) {
    throw std::runtime_error("git cannot list impl/ordercheck at revision '" + revision +
                             "' (" + listing.describe() + "); pass a commit, branch or tag of this repository");
  }
  source_files files;
  std::istringstream lines(listing.output);
  for (std::string path; std::getline(lines, path);) {
    if (!holds_model_sites(path)) continue;
    const process_result shown = capture_process({"git", "-C", repository_root, "show", revision + ":" + path});
    if (!shown.exited_with(0)) throw std::runtime_error("git show " + revision + ":" + path + " failed");
    files[path] = shown.output;
  }
  return files;
}

std::vector<atomic_site> inventory(const source_files& files) {
  std::vector<atomic_site> sites;
  for (const auto& [path, text] : files) {
    auto found = parse_sites(path, text);
    sites.insert(sites.end(), found.begin(), found.end());
  }
  std::stable_sort(sites.begin(), sites.end(), [](const atomic_site& a, const atomic_site& b) {
    return a.file != b.file ? a.file < b.file : a.line < b.line;
  });
  return sites;
}

std::vector<reached_site> read_reached_sites(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read reached sites from '" + path + "'");
  nlohmann::json document;
  try {
    in >> document;
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error("'" + path + "' is not the JSON array --reached-sites writes: " + e.what());
  }
  if (!document.is_array()) throw std::runtime_error("'" + path + "' is not a JSON array of reached sites");
  std::vector<reached_site> sites;
  for (const auto& item : document) {
    reached_site s;
    s.site = item.value("site", "");
    s.declared_order = item.value("declared_order", "");
    s.subject = item.value("subject", "");
    s.variant = item.value("variant", "");
    sites.push_back(s);
  }
  return sites;
}

std::vector<std::string> disagreements(const std::vector<atomic_site>& sites,
                                       const std::vector<reached_site>& reached) {
  std::vector<std::string> lines;
  for (const auto& r : reached) {
    if (r.site.rfind("impl/ordercheck/", 0) != 0) continue;
    const auto found = std::find_if(sites.begin(), sites.end(), [&](const atomic_site& s) { return s.id() == r.site; });
    if (found == sites.end()) {
      lines.push_back("the models ran " + r.site + " (" + r.declared_order + "), which the source does not have there");
    } else if (found->order != r.declared_order) {
      lines.push_back("the models ran " + r.site + " as " + r.declared_order + ", the source declares " + found->order);
    }
  }
  return lines;
}

void require_same_sources(const std::vector<atomic_site>& sites, const std::vector<reached_site>& reached) {
  const auto lines = disagreements(sites, reached);
  if (lines.empty()) return;
  throw stale_build(lines.front() + (lines.size() > 1 ? " (and " + std::to_string(lines.size() - 1) + " more)" : "") +
                    ": ordercheck-model was built from other sources; rebuild it (cmake --build <model build> --target ordercheck-model)");
}

std::string find_repository_root(const std::string& start) {
  std::error_code error;
  for (fs::path p = fs::absolute(start, error); !p.empty(); p = p.parent_path()) {
    if (fs::is_directory(p / "impl" / "ordercheck")) return p.string();
    if (p == p.parent_path()) break;
  }
  return "";
}

}  // namespace ordercheck::orders
