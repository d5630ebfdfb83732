// handle_cache's stress-only checks: scenarios that only make sense on real
// threads (forced.hpp and mix.hpp beside this file). Part of the
// subject's declaration (../subject.hpp declares their expectations); only the
// stress driver includes it (checks/subject_checks.cpp.in): the model's
// translation units include Relacy, whose macros these real-thread files
// must not meet.
#pragma once

#include "ordercheck/handle_cache/stress/forced.hpp"
#include "ordercheck/handle_cache/stress/mix.hpp"
#include "ordercheck/scenarios/gil_instances.hpp"
#include "ordercheck/subject/declaration.hpp"

namespace ordercheck::subjects::handle_cache {

template <class Declarer>
void declare_stress_only(Declarer& d) {
  using namespace ordercheck::declaration;
  constexpr const char* forced_file = "impl/ordercheck/handle_cache/stress/forced.hpp";
  d.template stress_scenario<every_variant_and_contract<stress_only::handle_cache_both_miss_in_slow>>(
      {"two threads of A both miss: slow() waits until both are inside it", forced_file});
  d.template stress_scenario<every_variant_and_contract<stress_only::handle_cache_hit_after_claim>>(
      {"thread 1 of A hits after thread 0 of A claimed, ordered by a relaxed flag only", forced_file});
  d.template stress_mix<every_variant_and_contract_on_real_threads<stress_only::handle_cache_mix>>(
      {"random_mix", "threads of two interpreters call ptr_or repeatedly on one cache",
       "impl/ordercheck/handle_cache/stress/mix.hpp"});
}

}  // namespace ordercheck::subjects::handle_cache
