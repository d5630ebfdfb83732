#include "replay_token.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "setting_limits.hpp"

namespace ordercheck::model {
namespace {

constexpr const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64url_encode(const std::string& bytes) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += alphabet[(buffer >> bits) & 0x3f];
    }
  }
  if (bits > 0) out += alphabet[(buffer << (6 - bits)) & 0x3f];
  return out;
}

std::string base64url_decode(const std::string& text) {
  std::array<int, 256> value{};
  value.fill(-1);
  for (int i = 0; i < 64; ++i) value[static_cast<unsigned char>(alphabet[i])] = i;
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned char c : text) {
    if (value[c] < 0) throw std::invalid_argument("the replay token has a character outside base64url");
    buffer = (buffer << 6) | static_cast<unsigned>(value[c]);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  return out;
}

[[noreturn]] void bad_token(const std::string& what) {
  throw std::invalid_argument("the replay token " + what + "; use a token ordercheck-model printed, unchanged");
}

// A field that must be a whole JSON number in [min, max]: not a float (1e300
// would be an undefined cast), not negative (it would wrap).
unsigned long long whole_field(const nlohmann::json& j, const char* name, unsigned long long min,
                               unsigned long long max) {
  if (!j.contains(name)) bad_token(std::string("lacks the field '") + name + "'");
  const nlohmann::json& v = j.at(name);
  if (!v.is_number_unsigned() || v.get<unsigned long long>() < min || v.get<unsigned long long>() > max) {
    bad_token(std::string("has '") + name + "' = " + v.dump() + ", not a whole number from " +
              std::to_string(min) + " to " + std::to_string(max));
  }
  return v.get<unsigned long long>();
}

std::string text_field(const nlohmann::json& j, const char* name) {
  if (!j.contains(name) || !j.at(name).is_string()) bad_token(std::string("lacks the text field '") + name + "'");
  return j.at(name).get<std::string>();
}

// Relacy's saved state (context.hpp simulate, the schedulers' get_state_impl):
// the failing iteration (from 1), then for the random scheduler nothing, and
// for the tree-search schedulers (bound, full) the node count N followed by N
// nodes "count index type" with index < count and type a sched_type (0..4).
// Relacy reads it without any check: an iteration of 0 divides by zero, a
// short tree makes the full search run without end.
void check_saved_state(scheduler_kind scheduler, const std::string& state) {
  if (state.find_first_not_of("0123456789 ") != std::string::npos) {
    bad_token("has a saved state with characters other than digits and spaces");
  }
  std::vector<unsigned long long> numbers;
  std::istringstream in(state);
  std::string word;
  while (in >> word) {
    if (word.size() > 19) bad_token("has a saved state with a number too large for Relacy");
    numbers.push_back(std::stoull(word));
  }
  if (numbers.empty() || numbers[0] == 0) bad_token("has a saved state without a failing iteration (from 1)");
  if (scheduler == scheduler_kind::random) {
    if (numbers.size() != 1) bad_token("has a random-scheduler state with more than the iteration");
    return;
  }
  constexpr unsigned long long most_nodes = 1'000'000;
  constexpr unsigned long long largest_sched_type = 4;  // relacy/defs.hpp: sched_type_user
  constexpr unsigned long long largest_unsigned = 0xffffffffULL;
  if (numbers.size() < 2 || numbers[1] == 0 || numbers[1] > most_nodes || numbers.size() != 2 + 3 * numbers[1]) {
    bad_token("has a search-tree state whose node count does not match its nodes");
  }
  for (std::size_t i = 2; i < numbers.size(); i += 3) {
    const unsigned long long count = numbers[i], index = numbers[i + 1], type = numbers[i + 2];
    if (count == 0 || count > largest_unsigned || index >= count || type > largest_sched_type) {
      bad_token("has a search-tree node (" + std::to_string(count) + " " + std::to_string(index) + " " +
                std::to_string(type) + ") Relacy cannot replay");
    }
  }
}

}  // namespace

std::string encode_replay_token(const replay_request& request) {
  nlohmann::json j;
  j["cell"] = request.cell_id;
  j["scheduler"] = scheduler_name(request.settings.scheduler);
  j["iterations"] = request.settings.iterations;
  j["context_bound"] = request.settings.context_bound;
  j["seed"] = request.settings.seed;
  j["state"] = request.settings.replay_state;
  j["mutations"] = request.mutations;
  return base64url_encode(j.dump());
}

replay_request decode_replay_token(const std::string& token) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(base64url_decode(token));
  } catch (const nlohmann::json::exception&) {
    throw std::invalid_argument("the replay token is not one ordercheck-model printed (not JSON inside)");
  }
  if (!j.is_object()) bad_token("is not a JSON object inside");
  replay_request r;
  r.cell_id = text_field(j, "cell");
  if (r.cell_id.empty()) bad_token("names no cell");
  try {
    r.settings.scheduler = scheduler_from_name(text_field(j, "scheduler"));
  } catch (const std::invalid_argument& e) {
    bad_token(std::string("has a bad scheduler: ") + e.what());
  }
  r.settings.iterations = whole_field(j, "iterations", 0, max_iterations);
  // Bound 0 is a real schedule (no preemption): the simplest-schedule search
  // starts there and prints its token.
  r.settings.context_bound = static_cast<unsigned>(whole_field(j, "context_bound", 0, max_context_bound));
  r.settings.seed = whole_field(j, "seed", 0, max_seed);
  r.settings.replay_state = text_field(j, "state");
  if (r.settings.replay_state.empty()) bad_token("has no saved state");
  check_saved_state(r.settings.scheduler, r.settings.replay_state);
  try {
    r.mutations = j.at("mutations").get<std::vector<std::pair<std::string, std::string>>>();
  } catch (const nlohmann::json::exception&) {
    bad_token("has 'mutations' that are not a list of [site, order] pairs");
  }
  return r;
}

}  // namespace ordercheck::model
