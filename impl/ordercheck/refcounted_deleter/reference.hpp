// refcounted_deleter, reference variant: correct with or without a GIL.
//
// Shares one buffer among several storages (storage.hpp):
//  - maybe_apply(s): under one mutex, turns s's unique data_ptr into a shared one
//    (a refcounted_context with count 1) unless it is shared already;
//  - new_storage_from(s, out): maybe_apply(s), then makes `out` another storage
//    over the same buffer and adds one count; the caller must hold `s`;
//  - refcounted_release(ctx), the shared data_ptr's deleter: drops one count; the
//    release that drops the last count runs the inner deleter and deletes the
//    context.
//
// Invariants: the inner deleter runs exactly once, after the last release, and
// after every access any storage made to the buffer; the context is deleted
// exactly once; nothing leaks.
//
// Memory ordering: the decrement is one acq_rel read-modify-write whose result
// says whether this release was the last. Its release half orders each owner's
// uses of the buffer before its decrement; its acquire half lets the last owner
// see all of those uses before it runs the inner deleter. The increment is
// relaxed, as in std::shared_ptr: the caller already holds a count, so the
// count cannot reach 0 meanwhile, and the new storage learns the buffer from
// the caller's own data_ptr, not from the count.
#pragma once

#include "ordercheck/refcounted_deleter/storage.hpp"

namespace ordercheck::reference {

template <class Sync>
void refcounted_release(void* raw_context) {
  auto* context = static_cast<refcounted_context<Sync>*>(raw_context);
  // acq_rel: release publishes this owner's buffer accesses; acquire (used by
  // the last owner) makes every other owner's accesses visible before deletion.
  if (context->count.fetch_sub(1, Sync::acq_rel) == 1) {
    context->run_inner_deleter();
    delete context;
  }
}

template <class Sync>
class refcounted_sharing {
 public:
  void maybe_apply(storage<Sync>& source) {
    mutex_.lock();
    if (source.data().deleter() != &refcounted_release<Sync>) {
      wrap_in_refcounted_context(source.data(), &refcounted_release<Sync>);
    }
    mutex_.unlock();
  }

  void new_storage_from(storage<Sync>& source, storage<Sync>& out) {
    maybe_apply(source);
    data_ptr<Sync>& shared = source.data();
    auto* context = static_cast<refcounted_context<Sync>*>(shared.context());
    // relaxed: the caller's storage holds a count, so this cannot race with the
    // last release; nothing is published through the count.
    context->count.fetch_add(1, Sync::relaxed);
    out.data() = data_ptr<Sync>(shared.get(), context, &refcounted_release<Sync>);
  }

 private:
  typename Sync::mutex mutex_;
};

}  // namespace ordercheck::reference
