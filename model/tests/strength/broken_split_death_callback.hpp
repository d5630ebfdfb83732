// Broken fixture for the "removals racing a death callback, with slot reuse"
// shape: the reference map whose death callback finds the entry, lets the lock
// go, then erases what it found (caught only by removals_race_death_with_slot_reuse).
// It lives with the subject's property fixtures, which the properties layer's
// Relacy cell uses too; this header names it for the strength test.
#pragma once

#include <cstddef>

#include "ordercheck/code_context/properties/fixture.hpp"

namespace ordercheck::model::strength {

template <class Sync, std::size_t EntryCapacity = 4, std::size_t ContextCapacity = 8>
using split_death_callback_map = properties::fixtures::split_death_callback<Sync, EntryCapacity, ContextCapacity>;

}  // namespace ordercheck::model::strength
