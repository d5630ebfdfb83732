// The Relacy half of scenario_strength_test.cpp: runs each scenario over a
// broken fixture. Relacy's macros (`delete`, `new`) must not meet GoogleTest,
// so the test's assertions live in the other file.
#include "strength_runs.hpp"

#include "relacy_engine.hpp"  // relacy_sync, then Relacy: scenarios come after it
#include "broken_lock_across_slow.hpp"
#include "broken_reinit_resets_owns.hpp"
#include "broken_self_share.hpp"
#include "broken_split_death_callback.hpp"
#include "ordercheck/scenarios/code_context_scenarios.hpp"
#include "ordercheck/scenarios/handle_cache_scenarios.hpp"
#include "ordercheck/scenarios/owner_tag_scenarios.hpp"
#include "ordercheck/scenarios/refcounted_deleter_scenarios.hpp"

namespace ordercheck::model::strength {
namespace {

using namespace ordercheck::scenarios;

run_settings full_search() {
  run_settings settings;
  settings.scheduler = scheduler_kind::full;
  return settings;
}
run_settings context_bound(unsigned bound) {
  run_settings settings;
  settings.scheduler = scheduler_kind::bound;
  settings.context_bound = bound;
  return settings;
}

template <class Scenario>
scenario_outcome run(const run_settings& settings) {
  return {Scenario::name, run_in_relacy<Scenario>(settings)};
}

using self_share_fixture = reset_destination_first_sharing<relacy_sync>;
using split_callback_fixture = split_death_callback_map<relacy_sync>;

template <contract C>
fixture_outcomes self_share_runs() {
  fixture_outcomes out;
  out.earlier = {
      run<refcounted_deleter_two_releases_over<relacy_sync, self_share_fixture, C>>(full_search()),
      run<refcounted_deleter_concurrent_share_over<relacy_sync, self_share_fixture, C>>(full_search()),
      // The search that proves the reference cell (refcounted_deleter/subject.hpp:
      // full search does not finish under gil in 240 s).
      run<refcounted_deleter_share_while_releasing_over<relacy_sync, self_share_fixture, C>>(
          context_bound(2)),
  };
  out.shape = run<refcounted_deleter_self_share_over<relacy_sync, self_share_fixture, C>>(full_search());
  return out;
}

template <contract C>
fixture_outcomes slot_reuse_runs() {
  fixture_outcomes out;
  out.earlier = {
      run<code_context_two_getters_over<relacy_sync, split_callback_fixture, C>>(full_search()),
      run<code_context_two_pops_over<relacy_sync, split_callback_fixture, C>>(full_search()),
      run<code_context_get_while_key_dies_over<relacy_sync, split_callback_fixture, C>>(full_search()),
  };
  out.shape =
      run<code_context_removals_race_death_over<relacy_sync, split_callback_fixture, C>>(full_search());
  return out;
}

using reinit_fixture = reinit_resets_owns_slot<relacy_sync>;
using reentrant_fixture = lock_across_slow_cache<relacy_sync>;

// Searches as in owner_tag/subject.hpp: the earlier scenarios' proof is
// context bound 2 (full search does not finish there).
template <contract C>
fixture_outcomes reinit_runs() {
  fixture_outcomes out;
  out.earlier = {
      run<owner_tag_two_wrappers_one_other_over<relacy_sync, reinit_fixture, C>>(context_bound(2)),
      run<owner_tag_ownership_bit_over<relacy_sync, reinit_fixture, C>>(context_bound(2)),
  };
  out.shape = run<owner_tag_reinit_own_wrapper_over<relacy_sync, reinit_fixture, C>>(full_search());
  return out;
}

// Searches as in handle_cache/subject.hpp: two_claimants_one_other is proved
// with context bound 2 under gil, full search free-threaded.
template <contract C>
fixture_outcomes reentrant_runs() {
  fixture_outcomes out;
  out.earlier = {
      run<handle_cache_two_claimants_one_other_over<relacy_sync, reentrant_fixture, C>>(
          C == contract::free_threaded ? full_search() : context_bound(2)),
  };
  out.shape = run<handle_cache_reentrant_slow_over<relacy_sync, reentrant_fixture, C>>(full_search());
  return out;
}

}  // namespace

fixture_outcomes run_fixture(broken_fixture fixture, bool under_gil) {
  switch (fixture) {
    case broken_fixture::reset_destination_first:
      return under_gil ? self_share_runs<contract::gil>() : self_share_runs<contract::free_threaded>();
    case broken_fixture::split_death_callback:
      return under_gil ? slot_reuse_runs<contract::gil>() : slot_reuse_runs<contract::free_threaded>();
    case broken_fixture::reinit_resets_owns:
      return under_gil ? reinit_runs<contract::gil>() : reinit_runs<contract::free_threaded>();
    case broken_fixture::lock_across_slow:
      return under_gil ? reentrant_runs<contract::gil>() : reentrant_runs<contract::free_threaded>();
  }
  return {};
}

}  // namespace ordercheck::model::strength
