#include "order_ladder.hpp"

#include <algorithm>
#include <array>

namespace ordercheck::orders {
namespace {

const std::array<const char*, 5> order_names{"seq_cst", "acq_rel", "acquire", "release", "relaxed"};
const std::array<const char*, 10> operation_names{
    "load",      "store",    "exchange",         "fetch_add",
    "fetch_sub", "fetch_or", "fetch_and",        "compare_exchange",
    "compare_exchange_failure", "fence"};

bool is_read_modify_write(const std::string& operation) {
  return operation == "exchange" || operation.rfind("fetch_", 0) == 0 ||
         operation == "compare_exchange";
}

// How strong a failure (load) order is: relaxed 0, acquire 1, seq_cst 2.
int load_rank(const std::string& order) {
  if (order == "seq_cst") return 2;
  if (order == "acquire") return 1;
  return 0;
}

// a is at least as strong as b in the partial order of the header.
bool at_least(const std::string& a, const std::string& b) {
  if (a == b || b == "relaxed") return true;
  if (a == "seq_cst") return true;
  if (a == "acq_rel") return b == "acquire" || b == "release";
  return false;
}

}  // namespace

bool is_order_name(const std::string& order) {
  return std::find(order_names.begin(), order_names.end(), order) != order_names.end();
}

bool is_operation_name(const std::string& operation) {
  return std::find(operation_names.begin(), operation_names.end(), operation) !=
         operation_names.end();
}

std::string load_part(const std::string& success_order) {
  if (success_order == "seq_cst") return "seq_cst";
  if (success_order == "acq_rel" || success_order == "acquire") return "acquire";
  return "relaxed";
}

bool is_legal(const std::string& operation, const std::string& order,
              const std::string& success_order) {
  if (!is_order_name(order)) return false;
  if (operation == "load") return order == "seq_cst" || order == "acquire" || order == "relaxed";
  if (operation == "store") return order == "seq_cst" || order == "release" || order == "relaxed";
  if (operation == "fence") return order != "relaxed";
  if (operation == "compare_exchange_failure") {
    if (order == "release" || order == "acq_rel") return false;
    return success_order.empty() || load_rank(order) <= load_rank(load_part(success_order));
  }
  return is_read_modify_write(operation);
}

std::vector<std::string> weaker_orders(const std::string& operation, const std::string& order,
                                       const std::string& success_order) {
  std::vector<std::string> weaker;
  if (!is_legal(operation, order, success_order)) return weaker;
  for (const char* candidate : order_names) {
    if (candidate == order) continue;
    if (!is_legal(operation, candidate, success_order)) continue;
    if (at_least(order, candidate)) weaker.emplace_back(candidate);
  }
  return weaker;
}

std::string effective_failure(const std::string& success, const std::string& failure) {
  std::string f = failure;
  if (f == "release") f = "relaxed";
  if (f == "acq_rel") f = "acquire";
  const std::string most = load_part(success);
  return load_rank(f) > load_rank(most) ? most : f;
}

}  // namespace ordercheck::orders
