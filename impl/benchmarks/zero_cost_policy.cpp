// The reference primitives' hot paths over std_sync (and, as a negative
// control, over a policy that is not free), out of line. See zero_cost.hpp.
#include "zero_cost.hpp"

namespace ordercheck::zero_cost {

python_object* handle_cache_policy(policy_handle_cache& cache, const interpreter* self, slow_path slow) {
  return cache.ptr_or(self, slow);
}

python_object* handle_cache_counting_policy(counting_handle_cache& cache, const interpreter* self,
                                            slow_path slow) {
  return cache.ptr_or(self, slow);
}

std::optional<python_object*> owner_tag_check_policy(const policy_owner_tag& slot, const interpreter* self,
                                                     bool ignore_hermetic) {
  return slot.check(self, ignore_hermetic);
}

}  // namespace ordercheck::zero_cost
