// Which memory orders are legal for which operation, and which are strictly
// weaker than a given one (the mutants of a site).
//
//   load                      seq_cst > acquire > relaxed
//   store                     seq_cst > release > relaxed
//   read-modify-write and     seq_cst > acq_rel > {acquire, release} > relaxed
//   compare_exchange success  (acquire and release are incomparable)
//   compare_exchange failure  seq_cst > acquire > relaxed, and never stronger
//                             than the load part of the success order
//   fence                     seq_cst > acq_rel > {acquire, release}
//
// consume is not modelled (std_sync has no Sync::consume).
#pragma once

#include <string>
#include <vector>

namespace ordercheck::orders {

bool is_order_name(const std::string& order);
bool is_operation_name(const std::string& operation);

// Whether `order` may be declared for `operation` (for a compare_exchange
// failure order, given its success order).
bool is_legal(const std::string& operation, const std::string& order,
              const std::string& success_order = "");

// Every order strictly weaker than `order` that is legal for `operation`,
// strongest first. Empty for relaxed (nothing weaker).
std::vector<std::string> weaker_orders(const std::string& operation, const std::string& order,
                                       const std::string& success_order = "");

// The load part of a success order: what a failure order may be at most.
std::string load_part(const std::string& success_order);

// The failure order a C++11 implementation (Relacy) actually uses when a
// compare_exchange's success order is `success` and its failure order is
// `failure`: release/acq_rel become relaxed/acquire, and a failure order
// stronger than the success's load part is clamped to it.
std::string effective_failure(const std::string& success, const std::string& failure);

}  // namespace ordercheck::orders
