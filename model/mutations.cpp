#include "mutations.hpp"

#include <regex>

#include "call_site.hpp"

namespace ordercheck::model {

std::vector<std::pair<std::string, std::string>> parse_mutations(const std::vector<std::string>& specs) {
  static const std::regex shape(
      R"(^(impl/[^:=]+:[0-9]+:(load|store|exchange|fetch_add|fetch_sub|fetch_or|fetch_and|compare_exchange|compare_exchange_failure|fence))=(relaxed|acquire|release|acq_rel|seq_cst)$)");
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& spec : specs) {
    std::smatch match;
    if (!std::regex_match(spec, match, shape)) {
      throw std::invalid_argument(
          "--mutate '" + spec +
          "' is not SITE=ORDER with SITE as impl/<path>:<line>:<operation> (see --reached-sites) "
          "and ORDER one of relaxed, acquire, release, acq_rel, seq_cst");
    }
    out.emplace_back(match[1], match[3]);
  }
  if (out.size() > site_overrides::capacity) {
    throw std::invalid_argument("at most " + std::to_string(site_overrides::capacity) + " --mutate overrides");
  }
  return out;
}

void install_mutations(const std::vector<std::pair<std::string, std::string>>& mutations) {
  site_overrides::clear();
  for (const auto& [site, order] : mutations) site_overrides::set(site.c_str(), order.c_str());
}

std::string unreached_mutations() {
  std::string sites;
  for (std::size_t i = 0; i < site_overrides::size(); ++i) {
    if (site_overrides::uses_at(i) == 0) sites += (sites.empty() ? "" : ", ") + std::string(site_overrides::site_at(i));
  }
  if (sites.empty()) return sites;
  return "--mutate site " + sites +
         " was never reached by the cells run, so nothing was mutated there; check it against "
         "--reached-sites or widen --run";
}

}  // namespace ordercheck::model
