// Types shared by both owner_tag variants.
#pragma once

namespace ordercheck {

// What the caller knows about the slot's tag when it asks to install a wrapper
// (upstream: PyInterpreterStatus).
enum class interpreter_status {
  definitely_uninitialized,  // fresh object, not yet visible to another thread
  tagged_by_us,              // the caller has seen the tag equal to self
  maybe_uninitialized,       // the object may be shared: claim the tag atomically
  tagged_by_other,           // the caller has seen another interpreter's tag
};

// Marks the per-thread hermetic flag (upstream: HermeticPyObjectTLS): while it
// is set, check() hides the slot's wrapper from this thread.
struct hermetic_mode_tag;

}  // namespace ordercheck
