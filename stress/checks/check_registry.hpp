// Every stress check this binary can run, and how to pick some by pattern.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "check.hpp"

namespace ordercheck::stress {

// All checks, in a stable order: subjects, then fixtures.
const std::vector<check>& all_checks();

// Whether `check_id` matches the glob `pattern` (fnmatch: *, ?, [...]).
// Fixture checks (the deliberately broken code under stress/fixtures/ and the
// hang fixture) match only patterns that start with "fixture/": "*" means the
// subjects.
bool check_matches(std::string_view pattern, const check& c);

std::vector<const check*> select_checks(std::string_view pattern);

// One file per subject adds its checks (scenarios and mixes).
void add_owner_tag_checks(std::vector<check>& out);
void add_handle_cache_checks(std::vector<check>& out);
void add_refcounted_deleter_checks(std::vector<check>& out);
void add_code_context_checks(std::vector<check>& out);
void add_fixture_checks(std::vector<check>& out);

}  // namespace ordercheck::stress
