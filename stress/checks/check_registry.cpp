#include "check_registry.hpp"

#include <fnmatch.h>

namespace ordercheck::stress {

const std::vector<check>& all_checks() {
  static const std::vector<check> checks = [] {
    std::vector<check> out;
    add_owner_tag_checks(out);
    add_handle_cache_checks(out);
    add_refcounted_deleter_checks(out);
    add_code_context_checks(out);
    add_fixture_checks(out);
    return out;
  }();
  return checks;
}

bool check_matches(std::string_view pattern, const check& c) {
  if (c.subject == "fixture" && pattern.substr(0, 8) != "fixture/") return false;
  const std::string id = c.id();
  return fnmatch(std::string(pattern).c_str(), id.c_str(), 0) == 0;
}

std::vector<const check*> select_checks(std::string_view pattern) {
  std::vector<const check*> selected;
  for (const check& c : all_checks()) {
    if (check_matches(pattern, c)) selected.push_back(&c);
  }
  return selected;
}

}  // namespace ordercheck::stress
