// libFuzzer target: the replay token decoder (decode_replay_token), which reads
// a token a user pastes on the command line. Any input may be refused with
// std::invalid_argument; none may crash, overflow or hit undefined behaviour
// (built with ASan and UBSan). A token it accepts must survive a round trip:
// encoding the decoded request and decoding again gives the same request.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "replay_token.hpp"

namespace {

bool same(const ordercheck::model::replay_request& a, const ordercheck::model::replay_request& b) {
  return a.cell_id == b.cell_id && a.settings.scheduler == b.settings.scheduler &&
         a.settings.iterations == b.settings.iterations && a.settings.context_bound == b.settings.context_bound &&
         a.settings.seed == b.settings.seed && a.settings.replay_state == b.settings.replay_state &&
         a.mutations == b.mutations;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string token(reinterpret_cast<const char*>(data), size);
  ordercheck::model::replay_request decoded;
  try {
    decoded = ordercheck::model::decode_replay_token(token);
  } catch (const std::invalid_argument&) {
    return 0;  // Refused: the decoder's documented answer to a bad token.
  }
  // Accepted: the encoder must write a token that decodes to the same request
  // (a decoder that accepted what the encoder cannot reproduce is a bug).
  if (!same(ordercheck::model::decode_replay_token(ordercheck::model::encode_replay_token(decoded)), decoded)) {
    std::abort();
  }
  return 0;
}
