// What a subject declares for the properties layer, in its subject.hpp
// beside its model and stress cells (README, "Adding your own primitive"):
//
//   namespace ordercheck::subjects::my_lock {
//   struct my_lock_spec { ... };   // operations, sequential model, system
//   template <class Declarer>
//   void declare(Declarer& d) {
//     ...
//     d.template property_cell<properties::declared_system<my_lock_spec, reference::my_lock>>(
//         {properties::property_engine::relacy, "reference", "none", "linearizability", {"pass"}, "why"});
//   }
//   }
//
// A spec is a struct with
//   subject_name, operation_name(const operation&) -> std::string,
//   operations(lane, const operation_menu&) -> std::vector<operation_choice>
//     (what each lane may draw; or, in a properties/spec.hpp that may name
//     rapidcheck, operation_gen(lane, menu) -> rc::Gen<operation>),
//   model and sequential_model (predict(state, op) -> {observation, next
//     state}; ordercheck/subject/operations.hpp), and
//   template <class Sync, class Primitive> class system, whose
//     run(const operation&, lane) -> observation calls the primitive.
// Nothing here names a test library, so the model and stress drivers, which
// include subject.hpp too, compile the declaration and skip these cells
// (their declarers' property_cell is a no-op).
#pragma once

#include "ordercheck/scenarios/scenario.hpp"
#include "ordercheck/subject/declaration.hpp"
#include "ordercheck/subject/operations.hpp"

namespace ordercheck::properties {

enum class property_engine { real_threads, relacy };

// One cell: a variant under a contract, checked by one engine for one
// property ("linearizability", or the name of the defect it shows).
struct declared_cell {
  property_engine engine;
  const char* variant;
  const char* contract;
  const char* property;
  declaration::verdict_names expected;  // any of these is a genuine outcome
  const char* why;                      // why exactly these, one sentence
  // Real threads and a race: found with a machine-dependent rate, so the
  // record accepts pass too (to_record) and the cell is measured, not gated.
  bool probabilistic = false;
  operation_menu menu = {};
};

// The system a cell runs: Spec's `system` over the variant Primitive<Sync>
// and, for subjects whose system takes one, the contract. `with<Sync>` is
// what each engine instantiates (std_sync on real threads, relacy_sync in
// Relacy).
template <class Spec, template <class> class Primitive, contract... C>
struct declared_system {
  using spec = Spec;
  template <class Sync>
  using with = typename Spec::template system<Sync, Primitive<Sync>, C...>;
};

// Spec with the payload on (issue 11 part 5): its systems are Spec's with
// their last parameter, WithPayload, true (the holders or readers touch
// plain bytes their writer published). Relacy cells only: on real threads a
// weakened order's race would be found by luck.
// (payload_system only names Spec's system once C... is known: a system
// without a contract parameter has WithPayload where others have C.)
template <class Spec, class Sync, class Primitive, contract... C>
struct payload_system {
  using type = typename Spec::template system<Sync, Primitive, C..., true>;
};
template <class Spec>
struct with_payload : Spec {
  template <class Sync, class Primitive, contract... C>
  using system = typename payload_system<Spec, Sync, Primitive, C...>::type;
};

}  // namespace ordercheck::properties
