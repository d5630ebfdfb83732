#include "sarif_structure.hpp"

namespace ordercheck::report {
namespace {

using nlohmann::json;

struct checker {
  std::vector<std::string> problems;

  void require(bool condition, const std::string& path, const std::string& what) {
    if (!condition) problems.push_back(path + ": " + what);
  }

  bool is_object_at(const json& parent, const char* key, const std::string& path) {
    const bool ok = parent.is_object() && parent.contains(key) && parent[key].is_object();
    require(ok, path + "." + key, "must be an object");
    return ok;
  }

  void message(const json& parent, const std::string& path) {
    if (is_object_at(parent, "message", path)) {
      require(parent["message"].contains("text") && parent["message"]["text"].is_string(), path + ".message.text",
              "must be a string");
    }
  }

  void location(const json& loc, const std::string& path) {
    require(loc.is_object(), path, "a location must be an object");
    if (!loc.is_object() || !loc.contains("physicalLocation")) return;
    const json& physical = loc["physicalLocation"];
    const std::string p = path + ".physicalLocation";
    if (!is_object_at(physical, "artifactLocation", p)) return;
    const json& artifact = physical["artifactLocation"];
    require(artifact.contains("uri") && artifact["uri"].is_string() && !artifact["uri"].get<std::string>().empty(),
            p + ".artifactLocation.uri", "must be a non-empty string");
    if (physical.contains("region")) {
      const json& region = physical["region"];
      require(region.contains("startLine") && region["startLine"].is_number_integer() &&
                  region["startLine"].get<long long>() >= 1,
              p + ".region.startLine", "must be an integer >= 1");
    }
  }

  void code_flows(const json& result, const std::string& path) {
    if (!result.contains("codeFlows")) return;
    require(result["codeFlows"].is_array(), path + ".codeFlows", "must be an array");
    if (!result["codeFlows"].is_array()) return;
    for (std::size_t f = 0; f < result["codeFlows"].size(); ++f) {
      const json& flow = result["codeFlows"][f];
      const std::string fp = path + ".codeFlows[" + std::to_string(f) + "]";
      const bool has_threads = flow.contains("threadFlows") && flow["threadFlows"].is_array() && !flow["threadFlows"].empty();
      require(has_threads, fp + ".threadFlows", "must be a non-empty array");
      if (!has_threads) continue;
      for (std::size_t t = 0; t < flow["threadFlows"].size(); ++t) {
        const json& thread = flow["threadFlows"][t];
        const std::string tp = fp + ".threadFlows[" + std::to_string(t) + "]";
        const bool has_locations = thread.contains("locations") && thread["locations"].is_array() && !thread["locations"].empty();
        require(has_locations, tp + ".locations", "must be a non-empty array");
        if (!has_locations) continue;
        for (std::size_t l = 0; l < thread["locations"].size(); ++l) {
          const json& step = thread["locations"][l];
          const std::string lp = tp + ".locations[" + std::to_string(l) + "]";
          if (is_object_at(step, "location", lp)) location(step["location"], lp + ".location");
          if (step.contains("executionOrder")) {
            require(step["executionOrder"].is_number_integer() && step["executionOrder"].get<long long>() >= -1,
                    lp + ".executionOrder", "must be an integer >= -1");
          }
        }
      }
    }
  }

  void run(const json& run, const std::string& path) {
    std::size_t rule_count = 0;
    json rules = json::array();
    if (is_object_at(run, "tool", path) && is_object_at(run["tool"], "driver", path + ".tool")) {
      const json& driver = run["tool"]["driver"];
      require(driver.contains("name") && driver["name"].is_string(), path + ".tool.driver.name", "must be a string");
      if (driver.contains("rules")) {
        require(driver["rules"].is_array(), path + ".tool.driver.rules", "must be an array");
        if (driver["rules"].is_array()) rules = driver["rules"];
        rule_count = rules.size();
        for (std::size_t i = 0; i < rules.size(); ++i) {
          require(rules[i].contains("id") && rules[i]["id"].is_string(),
                  path + ".tool.driver.rules[" + std::to_string(i) + "].id", "must be a string");
        }
      }
    }
    if (!run.contains("results")) return;
    require(run["results"].is_array(), path + ".results", "must be an array");
    if (!run["results"].is_array()) return;
    for (std::size_t i = 0; i < run["results"].size(); ++i) {
      const json& result = run["results"][i];
      const std::string rp = path + ".results[" + std::to_string(i) + "]";
      message(result, rp);
      if (result.contains("level")) {
        const auto level = result["level"].is_string() ? result["level"].get<std::string>() : "";
        require(level == "none" || level == "note" || level == "warning" || level == "error", rp + ".level",
                "must be none, note, warning or error");
      }
      if (result.contains("ruleIndex")) {
        const bool in_range = result["ruleIndex"].is_number_integer() && result["ruleIndex"].get<long long>() >= 0 &&
                              static_cast<std::size_t>(result["ruleIndex"].get<long long>()) < rule_count;
        require(in_range, rp + ".ruleIndex", "must index tool.driver.rules");
        if (in_range && result.contains("ruleId")) {
          require(rules[result["ruleIndex"].get<std::size_t>()]["id"] == result["ruleId"], rp + ".ruleId",
                  "must equal the id of the rule at ruleIndex");
        }
      }
      for (const char* key : {"locations", "relatedLocations"}) {
        if (!result.contains(key)) continue;
        require(result[key].is_array(), rp + "." + key, "must be an array");
        if (!result[key].is_array()) continue;
        for (std::size_t l = 0; l < result[key].size(); ++l) {
          location(result[key][l], rp + "." + key + "[" + std::to_string(l) + "]");
        }
      }
      code_flows(result, rp);
    }
  }
};

}  // namespace

std::vector<std::string> sarif_structure_problems(const json& log) {
  checker check;
  check.require(log.is_object(), "$", "a SARIF log is an object");
  if (!log.is_object()) return check.problems;
  check.require(log.value("version", json()) == "2.1.0", "$.version", "must be \"2.1.0\"");
  check.require(log.contains("$schema") && log["$schema"].is_string(), "$.$schema", "must be a string (the schema URI)");
  const bool has_runs = log.contains("runs") && log["runs"].is_array();
  check.require(has_runs, "$.runs", "must be an array");
  if (has_runs) {
    for (std::size_t i = 0; i < log["runs"].size(); ++i) check.run(log["runs"][i], "$.runs[" + std::to_string(i) + "]");
  }
  return check.problems;
}

}  // namespace ordercheck::report
