// refcounted_deleter, upstream variant: the logic of c10/core/RefcountedDeleter.cpp,
// defects included. The code we stand behind is reference.hpp.
//
// Shares one buffer among several storages (storage.hpp):
//  - maybe_apply(s): under one mutex, turns s's unique data_ptr into a shared one
//    (a refcounted_context with count 1) unless it is shared already;
//  - new_storage_from(s, out): maybe_apply(s), then makes `out` another storage
//    over the same buffer and adds one count;
//  - refcounted_release(ctx), the shared data_ptr's deleter: drops one count; the
//    last release runs the inner deleter and deletes the context.
//
// Memory ordering: the increment and the decrement are sequentially consistent,
// but the release decrements and then *reads the count again* in a separate
// load, so the test "am I last?" is not part of the decrement.
//
// Known defect (with or without a GIL: the sharing exists for storages owned by
// different interpreters): two releases that race from a count of 2 both
// decrement, then both loads can see 0, so the inner deleter runs twice and the
// context is deleted twice; or one thread deletes the context while the other
// still loads from it.
#pragma once

#include "ordercheck/refcounted_deleter/storage.hpp"

namespace ordercheck::upstream {

template <class Sync>
void refcounted_release(void* raw_context) {
  auto* context = static_cast<refcounted_context<Sync>*>(raw_context);
  // seq_cst as upstream; the result is discarded: the defect.
  context->count.fetch_sub(1, Sync::seq_cst);
  // seq_cst as upstream: a second, separate read of the count.
  if (context->count.load(Sync::seq_cst) == 0) {
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
    // seq_cst as upstream.
    context->count.fetch_add(1, Sync::seq_cst);
    out.data() = data_ptr<Sync>(shared.get(), context, &refcounted_release<Sync>);
  }

 private:
  typename Sync::mutex mutex_;
};

}  // namespace ordercheck::upstream
