// owner_tag's stress-only checks: scenarios that only make sense on real
// threads (mix.hpp beside this file). Part of the
// subject's declaration (../subject.hpp declares their expectations); only the
// stress driver includes it (checks/subject_checks.cpp.in): the model's
// translation units include Relacy, whose macros these real-thread files
// must not meet.
#pragma once

#include "ordercheck/owner_tag/stress/mix.hpp"
#include "ordercheck/scenarios/gil_instances.hpp"
#include "ordercheck/subject/declaration.hpp"

namespace ordercheck::subjects::owner_tag {

template <class Declarer>
void declare_stress_only(Declarer& d) {
  using namespace ordercheck::declaration;
  d.template stress_mix<every_variant_and_contract_on_real_threads<stress_only::owner_tag_mix>>(
      {"random_mix", "threads of two interpreters wrap, check and check hermetically at random",
       "impl/ordercheck/owner_tag/stress/mix.hpp"});
}

}  // namespace ordercheck::subjects::owner_tag
