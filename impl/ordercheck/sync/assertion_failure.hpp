// assertion_failure: what a sync policy's assert_that throws when an internal
// invariant of a primitive does not hold. Upstream raises c10::Error from
// TORCH_INTERNAL_ASSERT at the same point. std_sync always throws it;
// relacy_sync throws it only when a driver asks (model/relacy_sync.hpp), so
// both policies report the assertion the same way to the properties layer.
//
// Memory ordering: none; this header holds no shared state.
#pragma once

#include <stdexcept>

namespace ordercheck {

class assertion_failure : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

}  // namespace ordercheck
