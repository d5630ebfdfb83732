// code_context's stress-only checks: scenarios that only make sense on real
// threads (mix.hpp beside this file). Part of the
// subject's declaration (../subject.hpp declares their expectations); only the
// stress driver includes it (checks/subject_checks.cpp.in): the model's
// translation units include Relacy, whose macros these real-thread files
// must not meet.
#pragma once

#include "ordercheck/code_context/stress/mix.hpp"
#include "ordercheck/scenarios/gil_instances.hpp"
#include "ordercheck/subject/declaration.hpp"

namespace ordercheck::subjects::code_context {

template <class Declarer>
void declare_stress_only(Declarer& d) {
  using namespace ordercheck::declaration;
  d.template stress_mix<every_variant_and_contract_on_real_threads<stress_only::code_context_mix>>(
      {"random_mix", "threads get, ask about and pop keys at random while keys die",
       "impl/ordercheck/code_context/stress/mix.hpp"});
}

}  // namespace ordercheck::subjects::code_context
