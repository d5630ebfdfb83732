#include "child_mode.hpp"

#include <cstdio>
#include <cstdlib>

#include "checks/check_registry.hpp"
#include "child_outcome.hpp"
#include "harness/watchdog.hpp"

namespace ordercheck::stress {

int run_child(const std::string& check_id, const std::string& outcome_path, const stress_settings& settings) {
  const check* found = nullptr;
  for (const check& c : all_checks()) {
    if (c.id() == check_id) found = &c;
  }
  if (found == nullptr) {
    std::fprintf(stderr, "ordercheck-stress: unknown check '%s' (see --list)\n", check_id.c_str());
    return 2;
  }
  const hang_handler on_hang = [&](const std::string& description, const std::optional<round_failure>& failure) {
    write_child_outcome(outcome_path, hang_outcome(description, failure));
    std::_Exit(hang_exit_status);
  };
  const run_summary summary = found->run(settings, on_hang);
  write_child_outcome(outcome_path, outcome_of(summary));
  return 0;
}

}  // namespace ordercheck::stress
