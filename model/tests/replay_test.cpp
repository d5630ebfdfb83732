// Replay: a failure's token re-runs exactly the failing execution and gives
// the same history, from the library and through the runner's command line.
#include "cell_test_support.hpp"

#include <cstdlib>
#include <filesystem>
#include <tuple>

#include "cell_run.hpp"
#include "mutations.hpp"
#include "profiles.hpp"
#include "replay_token.hpp"

namespace ordercheck::model::testing {
namespace {

// What must match between two histories (values and raw text hold addresses,
// which differ between processes).
using step_shape = std::tuple<int, int, std::string, int, std::string, std::string, std::string>;
std::vector<step_shape> shape(const std::vector<results::step>& steps) {
  std::vector<step_shape> out;
  for (const auto& s : steps) out.emplace_back(s.step, s.thread, s.file, s.line, s.function, s.operation, s.order);
  return out;
}

class replay_of : public ::testing::TestWithParam<const cell*> {};

TEST_P(replay_of, TokenReplaysTheSameHistory) {
  const cell& c = *GetParam();
  const cell_run_result first = run_cell(c, profile_passes("quick", c), "quick");
  ASSERT_NE(first.record.observed, results::verdict::pass);
  ASSERT_FALSE(first.record.replay.token.empty());
  ASSERT_FALSE(first.record.interleaving.empty());
  const replay_request request = decode_replay_token(first.record.replay.token);
  EXPECT_EQ(request.cell_id, c.id());
  install_mutations(request.mutations);
  const cell_run_result again = replay_cell(c, request.settings);
  EXPECT_EQ(again.record.observed, first.record.observed);
  EXPECT_EQ(shape(again.record.interleaving), shape(first.record.interleaving));
  EXPECT_EQ(again.record.sites.size(), first.record.sites.size());
}

INSTANTIATE_TEST_SUITE_P(Model, replay_of, ::testing::ValuesIn(cells_where(expects_failure)), test_name);

int run_runner(const std::string& arguments) {
  const int status = std::system((std::string(ORDERCHECK_MODEL_RUNNER) + " " + arguments + " > /dev/null 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(RunnerReplay, PrintedTokenReplaysTheSameHistory) {
  const auto dir = std::filesystem::temp_directory_path() / ("ordercheck-replay-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto first_path = (dir / "first.jsonl").string();
  const auto replay_path = (dir / "replay.jsonl").string();
  ASSERT_EQ(run_runner("--run 'refcounted_deleter/upstream/gil/two_releases' --json " + first_path), 0);
  const auto first = results::read_json_lines(first_path);
  ASSERT_EQ(first.size(), 1u);
  const std::string command = first[0].replay.command;
  ASSERT_EQ(command.rfind("ordercheck-model --replay ", 0), 0u) << command;
  ASSERT_EQ(run_runner("--replay " + first[0].replay.token + " --json " + replay_path), 0);
  const auto replayed = results::read_json_lines(replay_path);
  ASSERT_EQ(replayed.size(), 1u);
  EXPECT_EQ(replayed[0].observed, first[0].observed);
  EXPECT_EQ(shape(replayed[0].interleaving), shape(first[0].interleaving));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace ordercheck::model::testing
