// refcounted_deleter's stress-only checks: scenarios that only make sense on real
// threads (mix.hpp beside this file). Part of the
// subject's declaration (../subject.hpp declares their expectations); only the
// stress driver includes it (checks/subject_checks.cpp.in): the model's
// translation units include Relacy, whose macros these real-thread files
// must not meet.
#pragma once

#include "ordercheck/refcounted_deleter/stress/mix.hpp"
#include "ordercheck/scenarios/gil_instances.hpp"
#include "ordercheck/subject/declaration.hpp"

namespace ordercheck::subjects::refcounted_deleter {

template <class Declarer>
void declare_stress_only(Declarer& d) {
  using namespace ordercheck::declaration;
  d.template stress_mix<every_variant_and_contract_on_real_threads<stress_only::refcounted_deleter_mix>>(
      {"random_mix", "threads share, read and release storages of one buffer at random",
       "impl/ordercheck/refcounted_deleter/stress/mix.hpp"});
}

}  // namespace ordercheck::subjects::refcounted_deleter
