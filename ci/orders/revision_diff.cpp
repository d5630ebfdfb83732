#include "revision_diff.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "order_ladder.hpp"

namespace ordercheck::orders {
namespace {

std::string match_key(const atomic_site& s) { return s.operation + "|" + s.object + "|" + s.function; }

// Longest common subsequence of the two files' site keys.
std::vector<std::pair<int, int>> align(const std::vector<atomic_site>& a, const std::vector<atomic_site>& b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> length(n + 1, std::vector<int>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      length[i][j] = match_key(a[i]) == match_key(b[j]) ? length[i + 1][j + 1] + 1
                                                        : std::max(length[i + 1][j], length[i][j + 1]);
    }
  }
  std::vector<std::pair<int, int>> pairs;
  std::size_t i = 0, j = 0;
  while (i < n && j < m) {
    if (match_key(a[i]) == match_key(b[j])) {
      pairs.emplace_back(static_cast<int>(i++), static_cast<int>(j++));
    } else if (length[i + 1][j] >= length[i][j + 1]) {
      ++i;
    } else {
      ++j;
    }
  }
  return pairs;
}

}  // namespace

const char* change_name(site_change::kind what) {
  switch (what) {
    case site_change::kind::order_changed: return "order changed";
    case site_change::kind::moved: return "moved";
    case site_change::kind::added: return "added";
    case site_change::kind::removed: return "removed";
  }
  return "?";
}

std::string order_direction(const std::string& operation, const std::string& before, const std::string& after) {
  if (before == after) return "same";
  const auto weaker = weaker_orders(operation, before);
  if (std::find(weaker.begin(), weaker.end(), after) != weaker.end()) return "weakened";
  const auto stronger = weaker_orders(operation, after);
  if (std::find(stronger.begin(), stronger.end(), before) != stronger.end()) return "strengthened";
  return "changed";
}

std::vector<site_change> diff_sites(const std::vector<atomic_site>& before, const std::vector<atomic_site>& after) {
  std::map<std::string, std::pair<std::vector<atomic_site>, std::vector<atomic_site>>> by_file;
  for (const auto& s : before) by_file[s.file].first.push_back(s);
  for (const auto& s : after) by_file[s.file].second.push_back(s);
  std::vector<site_change> changes;
  for (const auto& [file, sides] : by_file) {
    const auto& [old_sites, new_sites] = sides;
    const auto pairs = align(old_sites, new_sites);
    std::set<int> matched_old, matched_new;
    for (const auto& [i, j] : pairs) {
      matched_old.insert(i);
      matched_new.insert(j);
      const atomic_site& a = old_sites[static_cast<std::size_t>(i)];
      const atomic_site& b = new_sites[static_cast<std::size_t>(j)];
      if (a.order != b.order) {
        changes.push_back({site_change::kind::order_changed, a, b, order_direction(a.operation, a.order, b.order)});
      } else if (a.line != b.line) {
        changes.push_back({site_change::kind::moved, a, b, ""});
      }
    }
    for (std::size_t i = 0; i < old_sites.size(); ++i) {
      if (!matched_old.count(static_cast<int>(i))) changes.push_back({site_change::kind::removed, old_sites[i], std::nullopt, ""});
    }
    for (std::size_t j = 0; j < new_sites.size(); ++j) {
      if (!matched_new.count(static_cast<int>(j))) changes.push_back({site_change::kind::added, std::nullopt, new_sites[j], ""});
    }
  }
  return changes;
}

std::vector<std::string> touched_subjects(const source_files& before, const source_files& after) {
  std::set<std::string> all, touched;
  bool shared_changed = false;
  std::set<std::string> paths;
  for (const auto& [path, text] : before) paths.insert(path);
  for (const auto& [path, text] : after) paths.insert(path);
  for (const auto& path : paths) {
    const file_owner owner = owner_of(path);
    if (!owner.subject.empty()) all.insert(owner.subject);
    const auto old_file = before.find(path);
    const auto new_file = after.find(path);
    const bool differs = old_file == before.end() || new_file == after.end() || old_file->second != new_file->second;
    if (!differs) continue;
    if (owner.subject.empty()) shared_changed = true;
    else touched.insert(owner.subject);
  }
  const auto& chosen = shared_changed ? all : touched;
  return {chosen.begin(), chosen.end()};
}

}  // namespace ordercheck::orders
