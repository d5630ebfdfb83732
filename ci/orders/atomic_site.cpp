#include "atomic_site.hpp"

#include <algorithm>

namespace ordercheck::orders {

bool atomic_site::belongs_to(const std::string& variant) const {
  return std::find(variants.begin(), variants.end(), variant) != variants.end();
}

file_owner owner_of(const std::string& file) {
  const std::string root = "impl/ordercheck/";
  const auto start = file.find(root);
  if (start == std::string::npos) return {};
  const std::string rest = file.substr(start + root.size());
  const auto slash = rest.find('/');
  if (slash == std::string::npos) return {};  // interpreter.hpp and the like
  const std::string folder = rest.substr(0, slash);
  std::string name = rest.substr(slash + 1);
  if (name.size() > 4 && name.compare(name.size() - 4, 4, ".hpp") == 0) name.resize(name.size() - 4);
  if (folder == "sync") return {};
  if (folder == "scenarios") {
    const std::string suffix = "_scenarios";
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return {name.substr(0, name.size() - suffix.size()), {"scenario"}};
    }
    return {};
  }
  if (name == "reference" || name == "upstream") return {folder, {name}};
  return {folder, {"reference", "upstream"}};
}

}  // namespace ordercheck::orders
