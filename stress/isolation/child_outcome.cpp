#include "child_outcome.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "atomic_file.hpp"

namespace ordercheck::stress {

child_outcome outcome_of(const run_summary& summary) {
  child_outcome outcome;
  outcome.rounds = summary.rounds;
  outcome.wall_seconds = summary.wall_seconds;
  outcome.seconds_before_finding = summary.seconds_before_finding;
  outcome.stopped_by_sanitizer_report = summary.stopped_by_sanitizer_report;
  if (summary.failure) {
    outcome.verdict = summary.failure->kind;
    outcome.message = summary.failure->where + ", round " + std::to_string(summary.failure->round) + ": " +
                      summary.failure->message;
  } else {
    outcome.verdict = results::verdict::pass;
    outcome.message = "every invariant held in " + std::to_string(summary.rounds) + " rounds";
  }
  return outcome;
}

child_outcome hang_outcome(const std::string& description, const std::optional<round_failure>& earlier_failure) {
  child_outcome outcome;
  if (earlier_failure) {
    outcome.verdict = earlier_failure->kind;
    outcome.message = earlier_failure->where + ", round " + std::to_string(earlier_failure->round) + ": " +
                      earlier_failure->message +
                      " (then the round never finished, e.g. the failing thread left a lock held: " + description + ")";
    return outcome;
  }
  outcome.verdict = results::verdict::timeout;
  outcome.message = "hang: no round completed in time; " + description;
  return outcome;
}

void write_child_outcome(const std::string& path, const child_outcome& outcome) {
  const nlohmann::json json{{"verdict", results::verdict_name(outcome.verdict)},
                            {"message", outcome.message},
                            {"rounds", outcome.rounds},
                            {"wall_seconds", outcome.wall_seconds},
                            {"seconds_before_finding", outcome.seconds_before_finding},
                            {"stopped_by_sanitizer_report", outcome.stopped_by_sanitizer_report}};
  results::write_file_atomically(path, json.dump() + "\n");
}

child_outcome read_child_outcome(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("no child outcome at " + path);
  std::stringstream text;
  text << in.rdbuf();
  try {
    const nlohmann::json json = nlohmann::json::parse(text.str());
    child_outcome outcome;
    outcome.verdict = results::verdict_from_name(json.at("verdict").get<std::string>());
    outcome.message = json.at("message").get<std::string>();
    outcome.rounds = json.at("rounds").get<std::uint64_t>();
    outcome.wall_seconds = json.at("wall_seconds").get<double>();
    outcome.seconds_before_finding = json.at("seconds_before_finding").get<double>();
    outcome.stopped_by_sanitizer_report = json.at("stopped_by_sanitizer_report").get<bool>();
    return outcome;
  } catch (const std::exception& error) {
    throw std::runtime_error("malformed child outcome at " + path + ": " + error.what());
  }
}

}  // namespace ordercheck::stress
