// Weakened-order negative controls for the payload cells (issue 11 part 5):
// a sync policy that is Sync except that its `acquire` is `relaxed`. A
// reference primitive instantiated with it runs its own code with every
// acquire (loads, RMWs, a compare-and-swap's failure order) weakened, as the
// model layer's --mutate does one site at a time; acq_rel and release stay.
// Only the payload can show the result: the values the primitive returns are
// the same, but the bytes behind them may not be visible yet (a data race in
// Relacy). The property runner has no --mutate, so the cells name the
// weakened policy instead of an override.
//
// Memory ordering: this is the defect. Never use it outside a negative control.
#pragma once

namespace ordercheck::properties {

template <class Sync>
struct acquire_as_relaxed : Sync {
  static constexpr typename Sync::memory_order acquire = Sync::relaxed;  // the weakened order
};

// Primitive<Sync> over the weakened policy, as a one-parameter template for
// declared_system.
template <template <class> class Primitive>
struct without_acquire {
  template <class Sync>
  using with = Primitive<acquire_as_relaxed<Sync>>;
};

}  // namespace ordercheck::properties
