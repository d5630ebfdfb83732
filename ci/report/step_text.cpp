#include "step_text.hpp"

namespace ordercheck::report {

std::string short_path(const std::string& file) {
  const std::string prefix = "impl/ordercheck/";
  const auto at = file.find(prefix);
  return at == std::string::npos ? file : file.substr(at + prefix.size());
}

std::string step_location(const results::step& s) {
  if (s.file.empty()) return s.text;
  std::string out = short_path(s.file) + ":" + std::to_string(s.line);
  if (!s.function.empty()) out += " " + s.function;
  return out;
}

std::string step_action(const results::step& s) {
  std::string out = s.operation;
  if (!s.order.empty()) out += (out.empty() ? "" : " ") + s.order;
  if (!s.value.empty()) out += (out.empty() ? "= " : " = ") + s.value;
  return out;
}

std::string site_text(const results::site& s) {
  std::string out = s.file + ":" + std::to_string(s.line);
  if (!s.operation.empty()) out += " " + s.operation;
  if (!s.order.empty()) out += " " + s.order;
  return out;
}

std::string site_role_of(const results::record& r, const results::step& s) {
  if (s.file.empty()) return "";
  auto matches = [&](const results::site& site) {
    const bool same_operation = site.operation.empty() || s.operation.empty() || site.operation == s.operation;
    return site.file == s.file && site.line == s.line && same_operation;
  };
  auto role = [](const results::site& site) { return site.role.empty() ? std::string("site") : site.role; };
  // Sites that name their step (the model layer's) mark exactly that step.
  bool by_step = false;
  for (const auto& site : r.sites) {
    if (site.step <= 0) continue;
    by_step = true;
    if (site.step == s.step) return role(site);
  }
  if (by_step) return "";
  // Two accesses at one line (a race between two runs of the same store):
  // the stress layer lists its sites in step order, so step N is site N-1.
  if (r.layer == "stress" && s.step > 0) {
    const auto index = static_cast<std::size_t>(s.step - 1);
    if (index < r.sites.size() && matches(r.sites[index])) return role(r.sites[index]);
  }
  for (const auto& site : r.sites) {
    if (matches(site)) return role(site);
  }
  return "";
}

std::string replay_text(const results::record& r) {
  std::string seed = r.seed ? "seed " + std::to_string(*r.seed) : "no seed";
  // Real threads: the same seed need not give the same interleaving again.
  if (!r.replay.command.empty() && r.layer == "stress") {
    return "re-run (probabilistic, not a replay): " + r.replay.command + "   (" + seed + ")";
  }
  if (!r.replay.command.empty()) return r.replay.command + "   (" + seed + ")";
  if (!r.replay.token.empty()) return "replay token " + r.replay.token + "   (" + seed + ")";
  return "no replay command from engine '" + r.engine + "' (" + seed + ")";
}

}  // namespace ordercheck::report
