// The four c10 subjects' instances: each has a reference and an upstream
// variant (the `variant` enum of scenario.hpp, shared by their scenarios) and
// runs under the GIL contracts. These helpers bind that pair to the
// declaration's instances (impl/ordercheck/subject/declaration.hpp), whose
// own instances are any type with `variant_name`, `contract_name` and
// `with<Sync>`: a new subject names its variants as it likes and needs none
// of this (ttas_spinlock's subject.hpp).
#pragma once

#include "ordercheck/scenarios/scenario.hpp"
#include "ordercheck/subject/declaration.hpp"

namespace ordercheck::declaration {

// An instance: one scenario template at one variant and contract, named.
// (A declaration's instance is any type with static `variant_name` and
// `contract_name` strings and a member alias template `with<Sync>`; this
// template binds the enum variants and contracts.)
template <template <class, variant, contract> class Scenario, variant V, contract C>
struct instance {
  static constexpr const char* variant_name = ordercheck::variant_name(V);
  static constexpr const char* contract_name = ordercheck::contract_name(C);
  template <class Sync>
  using with = Scenario<Sync, V, C>;
};

// A stress-only Round type written for real threads (std_sync) over the enum
// variants and contracts: `with<Sync>` is the mix whatever the Sync.
template <template <variant, contract> class Mix, variant V, contract C>
struct real_thread_instance {
  static constexpr const char* variant_name = ordercheck::variant_name(V);
  static constexpr const char* contract_name = ordercheck::contract_name(C);
  template <class>
  using with = Mix<V, C>;
};

// The classic table: both enum variants under every contract, in the order
// the stress layer lists them.
template <template <class, variant, contract> class Scenario>
using every_variant_and_contract =
    instances<instance<Scenario, variant::reference, contract::gil>,
              instance<Scenario, variant::reference, contract::gil_released_in_slow>,
              instance<Scenario, variant::reference, contract::free_threaded>,
              instance<Scenario, variant::upstream, contract::gil>,
              instance<Scenario, variant::upstream, contract::gil_released_in_slow>,
              instance<Scenario, variant::upstream, contract::free_threaded>>;

template <template <variant, contract> class Mix>
using every_variant_and_contract_on_real_threads =
    instances<real_thread_instance<Mix, variant::reference, contract::gil>,
              real_thread_instance<Mix, variant::reference, contract::gil_released_in_slow>,
              real_thread_instance<Mix, variant::reference, contract::free_threaded>,
              real_thread_instance<Mix, variant::upstream, contract::gil>,
              real_thread_instance<Mix, variant::upstream, contract::gil_released_in_slow>,
              real_thread_instance<Mix, variant::upstream, contract::free_threaded>>;

// The four model cells of a scenario that runs under gil and free_threaded:
// the reference must pass, the upstream variant must give `upstream_expected`.
// The free-threaded cells are proved with `proof`, the gil cells with
// `gil_proof` (the GILs' lock steps can make full search too large).
template <template <class, variant, contract> class Scenario, class Declarer>
void model_gil_and_free_threaded(Declarer& d, const char* description, verdict_names upstream_expected,
                                 const char* upstream_why, proof_search proof, proof_search gil_proof) {
  constexpr const char* reference_why = "the reference is correct with or without a GIL";
  d.template model_cell<instance<Scenario, variant::reference, contract::gil>>(
      {description, {"pass"}, reference_why, gil_proof});
  d.template model_cell<instance<Scenario, variant::reference, contract::free_threaded>>(
      {description, {"pass"}, reference_why, proof});
  d.template model_cell<instance<Scenario, variant::upstream, contract::gil>>(
      {description, upstream_expected, upstream_why, gil_proof});
  d.template model_cell<instance<Scenario, variant::upstream, contract::free_threaded>>(
      {description, upstream_expected, upstream_why, proof});
}

}  // namespace ordercheck::declaration
