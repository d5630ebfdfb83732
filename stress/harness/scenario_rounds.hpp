// Drives a scenario class (impl/ordercheck/scenarios/scenario.hpp) through the
// round runner: each round constructs a fresh scenario, runs before(), then
// thread(i) on Scenario::thread_count real threads released together, then
// after(), then destroys it. The scenario itself is never copied: the same
// class is what the model layer explores.
#pragma once

#include <cstdint>
#include <optional>

#include "round_runner.hpp"

namespace ordercheck::stress {

template <class Scenario>
class scenario_rounds {
 public:
  static constexpr unsigned thread_count = Scenario::thread_count;

  void before_round(std::uint64_t) {
    scenario_.emplace();
    scenario_->before();
  }
  void run_thread(thread_context& context) { scenario_->thread(context.thread()); }
  void after_round(std::uint64_t) {
    // Destroy the round's scenario whether after() passes or throws.
    struct reset_on_exit {
      std::optional<Scenario>& scenario;
      ~reset_on_exit() { scenario.reset(); }
    } reset{scenario_};
    scenario_->after();
  }

 private:
  std::optional<Scenario> scenario_;
};

template <class Scenario>
run_summary run_scenario(const stress_settings& settings, const hang_handler& on_hang) {
  scenario_rounds<Scenario> rounds;
  return run_rounds(settings, Scenario::thread_count, rounds, on_hang);
}

}  // namespace ordercheck::stress
