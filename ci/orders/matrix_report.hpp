// The mutation matrix as people read it (a text table per subject, or
// Markdown for the README) and as tools read it (results records).
#pragma once

#include <string>
#include <vector>

#include "result_record.hpp"
#include "site_verdicts.hpp"

namespace ordercheck::orders {

struct judged_subject {
  subject_matrix matrix;
  std::vector<site_verdict> verdicts;
};

// One table per subject, site by site, then the survivors explained.
std::string matrix_text(const std::vector<judged_subject>& subjects);
std::string matrix_markdown(const std::vector<judged_subject>& subjects, const std::string& settings_line);

// One record per mutant, layer "orders": `mutations` names the weakened site;
// `observed` is what the cells found (pass when it survived); `expected` is
// every failure kind, so `matches` reads "killed" (a surviving mutant is what
// a reader should look at, not a gate failure: the gate reads layer "model").
std::vector<results::record> matrix_records(const std::vector<judged_subject>& subjects);

// "handle_cache/reference.hpp:60" for tables.
std::string short_site(const atomic_site& site);

}  // namespace ordercheck::orders
