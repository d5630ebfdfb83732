// A replay token: everything needed to re-run one failing execution, in one
// shell-safe word (base64url of a small JSON object): the cell id, the
// scheduler and its settings, Relacy's saved state of the failing execution,
// and the order overrides (mutations) the run used.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "cell.hpp"

namespace ordercheck::model {

struct replay_request {
  std::string cell_id;
  run_settings settings;  // settings.replay_state is Relacy's saved state
  std::vector<std::pair<std::string, std::string>> mutations;  // site, order
};

std::string encode_replay_token(const replay_request& request);
// Throws std::invalid_argument saying what is wrong with the token.
replay_request decode_replay_token(const std::string& token);

}  // namespace ordercheck::model
