// decode_replay_token checks every field against what Relacy can replay:
// corrupted saved states (which made Relacy divide by zero or search without
// end), floats, negative and out-of-range numbers are std::invalid_argument,
// never a run. Control: tokens the encoder writes decode unchanged.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

#include "replay_token.hpp"

namespace ordercheck::model::testing {
namespace {

// base64url of raw JSON text, as ordercheck-model wraps it (no padding).
std::string token_of(const std::string& json_text) {
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned char c : json_text) {
    buffer = (buffer << 8) | c;
    for (bits += 8; bits >= 6;) out += alphabet[(buffer >> (bits -= 6)) & 0x3f];
  }
  if (bits > 0) out += alphabet[(buffer << (6 - bits)) & 0x3f];
  return out;
}

nlohmann::json good_fields(const std::string& scheduler, const std::string& state) {
  return {{"cell", "owner_tag/upstream/gil/claim"}, {"scheduler", scheduler}, {"iterations", 20000},
          {"context_bound", 2}, {"seed", 0}, {"state", state}, {"mutations", nlohmann::json::array()}};
}

void expect_refused(const nlohmann::json& fields, const std::string& why) {
  EXPECT_THROW(decode_replay_token(token_of(fields.dump())), std::invalid_argument) << why << ": " << fields.dump();
}

TEST(ReplayToken, EncodedTokensDecodeUnchanged) {
  for (const auto& [scheduler, state] : {std::pair<scheduler_kind, std::string>{scheduler_kind::random, "17 "},
                                         {scheduler_kind::bound, "3 2 2 1 0 3 0 0 "},
                                         {scheduler_kind::full, "9 1 4 3 1 "}}) {
    replay_request r;
    r.cell_id = "handle_cache/upstream/free_threaded/get_put";
    r.settings.scheduler = scheduler;
    r.settings.replay_state = state;
    r.mutations = {{"impl/ordercheck/handle_cache/reference.hpp:40:load", "relaxed"}};
    const replay_request back = decode_replay_token(encode_replay_token(r));
    EXPECT_EQ(back.cell_id, r.cell_id);
    EXPECT_EQ(back.settings.scheduler, scheduler);
    EXPECT_EQ(back.settings.replay_state, state);
    EXPECT_EQ(back.mutations, r.mutations);
  }
}

TEST(ReplayToken, CorruptedSavedStatesAreRefused) {
  for (const char* state : {"0", "x", "0 ", "a b", "1 2", "-1", "1\t", "99999999999999999999"}) {
    expect_refused(good_fields("random", state), "random scheduler");
  }
  for (const char* state : {"1 ", "0 0 0", "1 1", "1 1 2 0", "1 1 0 0 0", "1 1 2 2 0", "1 1 2 1 9",
                            "1 2 2 1 0", "1 5000000000 1 0 0"}) {
    expect_refused(good_fields("full", state), "full scheduler");
    expect_refused(good_fields("bound", state), "bound scheduler");
  }
}

TEST(ReplayToken, OutOfRangeNumbersAreRefused) {
  for (const char* field : {"iterations", "context_bound", "seed"}) {
    for (const nlohmann::json& value : {nlohmann::json(1e300), nlohmann::json(-5), nlohmann::json(2.5),
                                        nlohmann::json("7"), nlohmann::json(18446744073709551615ULL)}) {
      auto fields = good_fields("random", "5 ");
      fields[field] = value;
      expect_refused(fields, field);
    }
  }
}

// The simplest-schedule search (cell_run.cpp) starts at context bound 0 (no
// preemption, as CHESS's iterative context bounding does) and prints that
// execution's token, so a bound-0 token must decode.
TEST(ReplayToken, ContextBoundZeroFromTheSimplestScheduleIsAccepted) {
  auto no_preemption = good_fields("bound", "3 1 2 1 0 ");
  no_preemption["context_bound"] = 0;
  EXPECT_EQ(decode_replay_token(token_of(no_preemption.dump())).settings.context_bound, 0u);
}

TEST(ReplayToken, MalformedTokensAreRefused) {
  EXPECT_THROW(decode_replay_token(""), std::invalid_argument);
  EXPECT_THROW(decode_replay_token("not a token!"), std::invalid_argument);
  EXPECT_THROW(decode_replay_token(token_of("[1,2]")), std::invalid_argument);
  auto fields = good_fields("random", "5 ");
  fields.erase("cell");
  expect_refused(fields, "no cell");
  fields = good_fields("sideways", "5 ");
  expect_refused(fields, "unknown scheduler");
  fields = good_fields("random", "5 ");
  fields["mutations"] = "relaxed";
  expect_refused(fields, "mutations not pairs");
}

}  // namespace
}  // namespace ordercheck::model::testing
