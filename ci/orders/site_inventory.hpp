// Every atomic site of impl/ordercheck/**/*.hpp, read from the working tree or
// from a git revision, and which of them the models reach.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "atomic_site.hpp"

namespace ordercheck::orders {

// path (from the repository root) -> contents, for every impl/ordercheck/**/*.hpp.
using source_files = std::map<std::string, std::string>;

source_files read_working_tree(const std::string& repository_root);
// `git show REVISION:path` for each header of that revision; throws
// std::runtime_error naming the revision when git cannot read it.
source_files read_revision(const std::string& repository_root, const std::string& revision);

// Every site of every file, ordered by file then line (parse_error propagates).
std::vector<atomic_site> inventory(const source_files& files);

// A site the models reached, as ordercheck-model --reached-sites writes it.
struct reached_site {
  std::string site;            // path:line:operation
  std::string declared_order;  // the order the running code declared
  std::string subject;
  std::string variant;
};
// Reads the JSON array; throws std::runtime_error naming the file.
std::vector<reached_site> read_reached_sites(const std::string& path);

// What the models ran that the source does not say: a reached site of
// impl/ordercheck the parser did not find, or found with another declared
// order. Either the parser is wrong or ordercheck-model was built from other
// sources than the ones read (a stale build). One line per disagreement.
std::vector<std::string> disagreements(const std::vector<atomic_site>& sites,
                                       const std::vector<reached_site>& reached);

// Thrown when the models' sites disagree with the source: the message says
// to rebuild ordercheck-model. Bad input (exit 2), not a finding.
class stale_build : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
// Throws stale_build listing the first disagreements, if any.
void require_same_sources(const std::vector<atomic_site>& sites, const std::vector<reached_site>& reached);

// The repository root: `start` or its nearest ancestor holding
// impl/ordercheck; "" when there is none.
std::string find_repository_root(const std::string& start);

}  // namespace ordercheck::orders
