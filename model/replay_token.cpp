#include "replay_token.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <stdexcept>

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
  try {
    replay_request r;
    r.cell_id = j.at("cell").get<std::string>();
    r.settings.scheduler = scheduler_from_name(j.at("scheduler").get<std::string>());
    r.settings.iterations = j.at("iterations").get<unsigned long long>();
    r.settings.context_bound = j.at("context_bound").get<unsigned>();
    r.settings.seed = j.at("seed").get<unsigned long long>();
    r.settings.replay_state = j.at("state").get<std::string>();
    r.mutations = j.at("mutations").get<std::vector<std::pair<std::string, std::string>>>();
    if (r.settings.replay_state.empty()) throw std::invalid_argument("the replay token has no saved state");
    return r;
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(std::string("the replay token lacks a field: ") + e.what());
  }
}

}  // namespace ordercheck::model
