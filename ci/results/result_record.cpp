#include "result_record.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>

namespace ordercheck::results {
namespace {

constexpr std::array<std::pair<verdict, const char*>, 14> verdict_names{{
    {verdict::pass, "pass"},
    {verdict::data_race, "data_race"},
    {verdict::use_after_free, "use_after_free"},
    {verdict::double_free, "double_free"},
    {verdict::leak, "leak"},
    {verdict::assertion, "assertion"},
    {verdict::deadlock, "deadlock"},
    {verdict::livelock, "livelock"},
    {verdict::linearizability_violation, "linearizability_violation"},
    {verdict::timeout, "timeout"},
    {verdict::crash, "crash"},
    {verdict::error, "error"},
    {verdict::uninitialized_read, "uninitialized_read"},
    {verdict::engine_error, "engine_error"},
}};

}  // namespace

const char* verdict_name(verdict v) {
  for (const auto& [value, name] : verdict_names) {
    if (value == v) return name;
  }
  return "error";
}

verdict verdict_from_name(std::string_view name) {
  for (const auto& [value, spelled] : verdict_names) {
    if (name == spelled) return value;
  }
  std::string valid;
  for (const auto& [value, spelled] : verdict_names) valid += (valid.empty() ? "" : ", ") + std::string(spelled);
  throw std::invalid_argument("unknown verdict '" + std::string(name) + "' (one of: " + valid + ")");
}

std::vector<std::string> all_verdict_names() {
  std::vector<std::string> names;
  for (const auto& [value, name] : verdict_names) names.emplace_back(name);
  return names;
}

bool record::matches() const {
  return std::find(expected.begin(), expected.end(), observed) != expected.end();
}

namespace {

// "impl/ordercheck/x/y.hpp:34:fetch_sub" -> "x/y.hpp:34 fetch_sub".
std::string short_site(const std::string& site) {
  const std::string prefix = "impl/ordercheck/";
  std::string out = site.rfind(prefix, 0) == 0 ? site.substr(prefix.size()) : site;
  const auto colon = out.rfind(':');
  if (colon != std::string::npos) out[colon] = ' ';
  return out;
}

}  // namespace

std::string fix_text(const fix_search& fix) {
  if (!fix.searched) return "";
  std::ostringstream out;
  for (std::size_t i = 0; i < fix.repairs.size(); ++i) {
    const repair& r = fix.repairs[i];
    out << (i == 0 ? "" : "\n") << "fix: " << short_site(r.site) << " " << r.from << " -> " << r.to
        << " makes this cell pass (checked: " << r.executions << " executions)";
  }
  if (fix.repairs.empty()) {
    out << "fix: no single-site fix among " << fix.candidates
        << " one-step strengthenings of the atomic sites on the path (checked: " << fix.executions << " executions)";
  }
  return out.str();
}

void to_json(nlohmann::json& out, const record& r) {
  out = nlohmann::json{{"schema", schema_id},
                       {"check", r.check},
                       {"subject", r.subject},
                       {"variant", r.variant},
                       {"contract", r.contract},
                       {"layer", r.layer},
                       {"engine", {{"name", r.engine}, {"settings", r.engine_settings}}},
                       {"observed", verdict_name(r.observed)},
                       {"matches", r.matches()},
                       {"message", r.message},
                       {"scenario", r.scenario},
                       {"replay", {{"token", r.replay.token}, {"command", r.replay.command}}},
                       {"iterations", r.iterations},
                       {"wall_seconds", r.wall_seconds}};
  auto& expected = out["expected"] = nlohmann::json::array();
  for (verdict v : r.expected) expected.push_back(verdict_name(v));
  out["seed"] = r.seed ? nlohmann::json(*r.seed) : nlohmann::json(nullptr);
  auto& sites = out["sites"] = nlohmann::json::array();
  for (const site& s : r.sites) {
    sites.push_back({{"file", s.file}, {"line", s.line}, {"operation", s.operation},
                     {"order", s.order}, {"role", s.role}, {"step", s.step}, {"object", s.object}});
  }
  auto& steps = out["interleaving"] = nlohmann::json::array();
  for (const step& s : r.interleaving) {
    steps.push_back({{"step", s.step}, {"thread", s.thread}, {"file", s.file}, {"line", s.line},
                     {"function", s.function}, {"operation", s.operation}, {"order", s.order},
                     {"value", s.value}, {"text", s.text}, {"object", s.object}});
  }
  auto& mutations = out["mutations"] = nlohmann::json::array();
  for (const mutation& m : r.mutations) mutations.push_back({{"site", m.site}, {"order", m.order}});
  if (!r.why.empty()) out["why"] = r.why;
  if (r.fix.searched) {
    nlohmann::json repairs = nlohmann::json::array();
    for (const repair& x : r.fix.repairs) {
      repairs.push_back({{"site", x.site}, {"from", x.from}, {"to", x.to}, {"executions", x.executions}});
    }
    out["fix"] = {{"candidates", r.fix.candidates}, {"executions", r.fix.executions},
                  {"wall_seconds", r.fix.wall_seconds}, {"repairs", repairs}};
  }
  if (!r.raw_report.empty()) out["raw_report"] = r.raw_report;
}

namespace {

// The number field `name` of `in` (or `fallback` when absent): a whole JSON
// number in [0, max]. A float (1e22 would be an undefined cast), a negative
// number or one above max throws std::invalid_argument naming the field.
template <class T>
T whole_field(const nlohmann::json& in, const char* name, T fallback,
              unsigned long long max = static_cast<unsigned long long>(std::numeric_limits<T>::max())) {
  if (!in.contains(name)) return fallback;
  const nlohmann::json& v = in.at(name);
  // Parsed text holds non-negative integers as unsigned, records built in
  // memory as signed: both are whole numbers.
  const bool whole = v.is_number_unsigned() || (v.is_number_integer() && v.get<long long>() >= 0);
  if (!whole || v.get<unsigned long long>() > max) {
    throw std::invalid_argument(std::string("\"") + name + "\": " + v.dump() + " is not a whole number from 0 to " +
                                std::to_string(max));
  }
  return static_cast<T>(v.get<unsigned long long>());
}

double seconds_field(const nlohmann::json& in, const char* name) {
  if (!in.contains(name)) return 0.0;
  const nlohmann::json& v = in.at(name);
  if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() < 0) {
    throw std::invalid_argument(std::string("\"") + name + "\": " + v.dump() + " is not a finite number of seconds");
  }
  return v.get<double>();
}

}  // namespace

void from_json(const nlohmann::json& in, record& r) {
  if (in.value("schema", std::string()) != schema_id) {
    throw std::invalid_argument("not an ordercheck result (schema must be \"" + std::string(schema_id) + "\")");
  }
  r.check = in.at("check").get<std::string>();
  r.subject = in.at("subject").get<std::string>();
  r.variant = in.at("variant").get<std::string>();
  r.contract = in.at("contract").get<std::string>();
  r.layer = in.at("layer").get<std::string>();
  r.engine = in.at("engine").at("name").get<std::string>();
  r.engine_settings = in.at("engine").value("settings", nlohmann::json::object());
  r.expected.clear();
  for (const auto& v : in.at("expected")) r.expected.push_back(verdict_from_name(v.get<std::string>()));
  r.observed = verdict_from_name(in.at("observed").get<std::string>());
  r.message = in.value("message", std::string());
  r.scenario = in.value("scenario", std::string());
  if (in.contains("replay")) {
    r.replay.token = in["replay"].value("token", std::string());
    r.replay.command = in["replay"].value("command", std::string());
  }
  r.seed.reset();
  if (in.contains("seed") && !in["seed"].is_null()) r.seed = whole_field(in, "seed", 0ULL);
  r.iterations = whole_field(in, "iterations", 0ULL);
  r.wall_seconds = seconds_field(in, "wall_seconds");
  r.sites.clear();
  for (const auto& s : in.value("sites", nlohmann::json::array())) {
    r.sites.push_back({s.value("file", ""), whole_field(s, "line", 0), s.value("operation", ""),
                       s.value("order", ""), s.value("role", ""), whole_field(s, "step", 0), s.value("object", "")});
  }
  r.interleaving.clear();
  for (const auto& s : in.value("interleaving", nlohmann::json::array())) {
    r.interleaving.push_back({whole_field(s, "step", 0), whole_field(s, "thread", 0), s.value("file", ""),
                              whole_field(s, "line", 0), s.value("function", ""), s.value("operation", ""),
                              s.value("order", ""), s.value("value", ""), s.value("text", ""),
                              s.value("object", "")});
  }
  r.raw_report = in.value("raw_report", std::string());
  r.why = in.value("why", std::string());
  r.mutations.clear();
  for (const auto& m : in.value("mutations", nlohmann::json::array())) {
    r.mutations.push_back({m.value("site", ""), m.value("order", "")});
  }
  r.fix = {};
  if (in.contains("fix") && in["fix"].is_object()) {
    const auto& f = in["fix"];
    r.fix.searched = true;
    r.fix.candidates = f.value("candidates", std::size_t{0});
    r.fix.executions = f.value("executions", 0ULL);
    r.fix.wall_seconds = f.value("wall_seconds", 0.0);
    for (const auto& x : f.value("repairs", nlohmann::json::array())) {
      r.fix.repairs.push_back({x.value("site", ""), x.value("from", ""), x.value("to", ""), x.value("executions", 0ULL)});
    }
  }
}

std::string to_json_line(const record& r) { return nlohmann::json(r).dump(); }

std::vector<record> read_json_lines(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open results file");
  std::vector<record> records;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      records.push_back(nlohmann::json::parse(line).get<record>());
    } catch (const std::exception& e) {
      throw std::runtime_error(path + ":" + std::to_string(number) + ": " + e.what());
    }
  }
  return records;
}

}  // namespace ordercheck::results
