#include "check_registry.hpp"
#include "fixtures/lock_order_deadlock.hpp"
#include "fixtures/plain_refcount.hpp"
#include "harness/sanitizer_stop.hpp"
#include "harness/scenario_rounds.hpp"
#include "ordercheck/sync/std_sync.hpp"

namespace ordercheck::stress {

void add_fixture_checks(std::vector<check>& out) {
  using results::verdict;
  using refcount_scenario = fixtures::plain_refcount_two_releases<std_sync, variant::upstream, contract::free_threaded>;
  check refcount;
  refcount.subject = "fixture";
  refcount.variant = "broken";
  refcount.contract = "free_threaded";
  refcount.scenario = refcount_scenario::name;
  refcount.description = "two threads release a refcount whose count is a plain int (stress/fixtures/plain_refcount.hpp)";
  // Under TSan the race is structural (no happens-before between the two
  // decrements): expected every run. Without TSan it is a measurement.
  refcount.expected = built_with_thread_sanitizer()
                          ? std::vector<verdict>{verdict::data_race}
                          : std::vector<verdict>{verdict::pass, verdict::assertion};
  refcount.run = [](const stress_settings& settings, const hang_handler& on_hang) {
    return run_scenario<refcount_scenario>(settings, on_hang);
  };
  out.push_back(std::move(refcount));

  check deadlock;
  deadlock.subject = "fixture";
  deadlock.variant = "broken";
  deadlock.contract = "free_threaded";
  deadlock.scenario = "lock_order_deadlock";
  deadlock.expected = {verdict::timeout, verdict::deadlock};
  deadlock.description = "two threads take two mutexes in opposite orders and block forever (stress/fixtures/lock_order_deadlock.hpp)";
  deadlock.run = [](const stress_settings& settings, const hang_handler& on_hang) {
    fixtures::lock_order_deadlock hang(2);
    return run_rounds(settings, 2, hang, on_hang);
  };
  out.push_back(std::move(deadlock));
}

}  // namespace ordercheck::stress
