// ordercheck-orders: which memory orders in impl/ are necessary.
//
//   ordercheck-orders list                  every atomic site, and whether the models reach it
//   ordercheck-orders mutate [--subject S]  weaken each reference site, one order at a time,
//                                           and run the subject's reference model cells
//   ordercheck-orders diff BASE             what changed in the sites since BASE, and the
//                                           verdicts of the touched subjects' model cells
//
// It runs ordercheck-model (built by the model preset) as a child process;
// --model-runner says where it is when it is not beside this build.
#include <CLI/CLI.hpp>

#include <iostream>
#include <thread>

#include "cli_numbers.hpp"
#include "commands.hpp"
#include "setting_limits.hpp"  // model/: the model runner's ranges
#include "site_inventory.hpp"
#include "site_parser.hpp"

namespace {

using namespace ordercheck::orders;

void add_common(CLI::App& command, common_options& common) {
  command.add_option("--root", common.root, "the repository (default: the nearest ancestor of . holding impl/ordercheck)");
  command.add_option("--model-runner", common.model.runner, "path of ordercheck-model (default: beside this build)");
  command.add_option("--profile", common.model.profile, "the model's exploration profile")
      ->check(CLI::IsMember({"quick", "deep"}));
  command.add_option("--scheduler", common.model.scheduler, "the model's scheduler (default: the profile's)")
      ->check(CLI::IsMember({"random", "bound", "full"}));
  command.add_option("--iterations", common.model.iterations, "iterations per cell (default: the profile's)")
      ->check(ordercheck::results::whole_number(1, ordercheck::model::max_iterations));
  command.add_option("--context-bound", common.model.context_bound, "context bound (default: the profile's)")
      ->check(ordercheck::results::whole_number(1, ordercheck::model::max_context_bound));
  command.add_option("--seed", common.model.seed, "seed for the random scheduler (default: the model's)")
      ->check(ordercheck::results::whole_number(0, ordercheck::model::max_seed));
  command.add_option("--work-dir", common.work_dir, "where the model runs leave their files (default: a fresh temporary one)");
  command.add_flag("--keep-work-dir", common.keep_work_dir, "keep the work directory when everything was judged");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ordercheck-orders: which memory orders in impl/ are necessary (ordering mutation analysis)"};
  app.require_subcommand(1);

  list_options list;
  auto* list_command = app.add_subcommand("list", "every atomic site of impl/, per subject and variant, and whether the models reach it");
  add_common(*list_command, list.common);
  list_command->add_flag("--static", list.static_only, "only read the source; do not run the models for reachability");

  mutate_options mutate;
  mutate.jobs = std::max(1u, std::thread::hardware_concurrency());
  auto* mutate_command = app.add_subcommand("mutate", "weaken each reference site and run the subject's reference model cells");
  add_common(*mutate_command, mutate.common);
  mutate_command->add_option("--subject", mutate.subjects, "only this subject (repeatable; default: all)");
  mutate_command->add_option("--json", mutate.json_path, "write one results record per mutant (JSON Lines)");
  mutate_command->add_option("--markdown", mutate.markdown_path, "write the matrix as Markdown (for the README)");
  mutate_command->add_option("--jobs", mutate.jobs, "model processes run at once (default: the number of cores)")
      ->check(ordercheck::results::whole_number(1, 64));

  diff_options diff;
  auto* diff_command = app.add_subcommand("diff", "compare the sites at git revision BASE with the working tree and run the touched subjects' model cells");
  add_common(*diff_command, diff.common);
  diff_command->add_option("BASE", diff.base, "a git revision (commit, branch, tag)")->required();
  diff_command->add_option("--json", diff.json_path, "write the cells' results records (JSON Lines)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);
    std::cerr << "ordercheck-orders: " << e.what() << " (see --help)\n";
    return exit_bad_input;
  }
  try {
    if (*list_command) return run_list(list);
    if (*mutate_command) return run_mutate(mutate);
    return run_diff(diff);
  } catch (const parse_error& e) {
    std::cerr << "ordercheck-orders: " << e.what() << "\n";
    return exit_bad_input;
  } catch (const stale_build& e) {
    std::cerr << "ordercheck-orders: " << e.what() << "\n";
    return exit_bad_input;
  } catch (const bad_input& e) {
    std::cerr << "ordercheck-orders: " << e.what() << "\n";
    return exit_bad_input;
  } catch (const std::exception& e) {
    std::cerr << "ordercheck-orders: " << e.what() << "\n";
    return exit_failed;
  }
}
