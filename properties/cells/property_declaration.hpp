// What a subject declares for the properties layer, in its optional
// impl/ordercheck/<subject>/properties/spec.hpp (only the properties driver
// includes that file, as only the stress driver includes <subject>/stress/):
//
//   namespace ordercheck::subjects::my_lock {
//   template <class Declarer>
//   void declare_properties(Declarer& d) {
//     using namespace ordercheck::properties;
//     d.template property_cell<declared_system<my_lock_spec, reference::my_lock>>(
//         {property_engine::real_threads, "reference", "none", "linearizability", {"pass"}, "why"});
//   }
//   }
//
// Each cell names its engine: the real-thread declarer (cells/real_thread_
// declarer.hpp, every preset) builds the real_threads cells, the Relacy
// declarer (relacy/relacy_declarer.hpp, the model build) the relacy ones, and
// each skips the other's. No silent defaults: a cell with no expected verdict
// or a misspelt one is a declaration_error naming the subject and the cell
// (the runner exits 2).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "cells/property_cell.hpp"
#include "linearizability/parallel_program.hpp"
#include "ordercheck/subject/declaration.hpp"

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

// A property_cell with every field but `run` filled from the declaration:
// check = subject/variant/contract/property + check_suffix. Throws
// declaration::declaration_error (naming the cell) for an empty or misspelt
// expected list.
property_cell declared_property_cell(const char* subject, const declared_cell& declared,
                                     const std::string& check_suffix, const char* engine);

// The subjects a layer found (cmake/subjects.cmake writes the list).
struct declared_subject {
  const char* name;
  int table_row;
  void (*declare)(std::vector<property_cell>& cells);  // appends its cells; may throw declaration_error
};

// Every declared subject's cells, subjects in table_row order. Throws
// declaration::declaration_error for a bad declaration.
std::vector<property_cell> cells_of(const std::vector<const declared_subject*>& subjects);

}  // namespace ordercheck::properties
