// The value types the default-value tests construct under both policies: the
// kinds of T that impl/ puts in atomic<T> and plain<T> (integers, bool,
// pointers, pointers to const, function pointers).
#pragma once

#include <cstddef>
#include <cstdint>

#include "cell.hpp"

namespace ordercheck::calibration {

using function_pointer = void (*)(void*);

#define ORDERCHECK_DEFAULT_VALUE_TYPES \
  int, bool, std::uintptr_t, std::size_t, void*, const void*, const int*, ordercheck::calibration::function_pointer

// Default-constructs every relacy_sync type for each value type above inside
// a simulated thread and asserts each reads T{} (default_values_relacy.cpp).
// SUCCESS when they all do; an uninitialized access or a failed assertion
// otherwise.
model::engine_outcome run_relacy_default_values();

}  // namespace ordercheck::calibration
