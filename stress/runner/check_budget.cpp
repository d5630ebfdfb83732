#include "check_budget.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace ordercheck::stress {

detection_rates read_detection_rates(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read the detection rates '" + path +
                             "' (write them with stress/measure_detection_rates.sh, or give --seconds)");
  detection_rates rates;
  rates.source = path;
  try {
    const nlohmann::json json = nlohmann::json::parse(in);
    if (json.at("schema").get<std::string>() != "ordercheck.detection_rates/1") {
      throw std::runtime_error("schema is not ordercheck.detection_rates/1");
    }
    for (const auto& [engine, checks] : json.at("engines").items()) {
      for (const auto& [id, rate] : checks.items()) {
        measured_rate m;
        m.runs = rate.at("runs").get<unsigned>();
        m.found = rate.at("found").get<unsigned>();
        m.exposure_seconds = rate.at("exposure_seconds").get<double>();
        if (m.found > m.runs || m.exposure_seconds < 0) throw std::runtime_error(id + ": impossible counts");
        rates.by_engine[engine][id] = m;
      }
    }
  } catch (const std::exception& error) {
    throw std::runtime_error("malformed detection rates '" + path + "': " + error.what() +
                             " (rewrite it with stress/measure_detection_rates.sh)");
  }
  return rates;
}

check_budget budget_for(const check& c, const detection_rates& rates, const std::string& engine,
                        const budget_rule& rule) {
  char text[256];
  if (c.variant != "reference" && c.variant != "upstream") {
    return {rule.flat_seconds, "flat: a fixture has no upstream twin"};
  }
  const std::string twin = c.subject + "/upstream/" + c.contract + "/" + c.scenario;
  const auto engine_rates = rates.by_engine.find(engine);
  const measured_rate* m = nullptr;
  if (engine_rates != rates.by_engine.end()) {
    const auto found = engine_rates->second.find(twin);
    if (found != engine_rates->second.end()) m = &found->second;
  }
  if (m == nullptr) return {rule.flat_seconds, "flat: " + twin + " not measured under " + engine};
  if (m->found == 0 || m->exposure_seconds <= 0) {
    std::snprintf(text, sizeof text, "flat: %s found in 0/%u runs under %s", twin.c_str(), m->runs, engine.c_str());
    return {rule.flat_seconds, text};
  }
  // P(found by t) = 1 - exp(-rate t) >= confidence  <=>  t >= -ln(1 - confidence) / rate.
  const double per_second = m->found / m->exposure_seconds;
  const double needed = -std::log(1.0 - rule.confidence) / per_second;
  const double seconds = std::clamp(needed, rule.floor_seconds, rule.ceiling_seconds);
  char ceiling_note[64] = "";
  if (seconds < needed) {
    std::snprintf(ceiling_note, sizeof ceiling_note, " (ceiling: %.1f%% within the budget)",
                  100 * (1 - std::exp(-per_second * seconds)));
  }
  std::snprintf(text, sizeof text, "%s found in %u/%u runs (%.2f s of rounds before the findings) under %s: %.1f%% within %.2f s%s",
                twin.c_str(), m->found, m->runs, m->exposure_seconds, engine.c_str(), rule.confidence * 100, needed,
                ceiling_note);
  return {seconds, text};
}

}  // namespace ordercheck::stress
