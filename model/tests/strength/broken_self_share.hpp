// Broken fixture for the aliasing shape: refcounted sharing whose
// new_storage_from drops the destination's old buffer before it takes the new
// count. With distinct storages (every scenario but self_share_while_releasing)
// the destination is empty and this is the reference; with new_storage_from(s, s)
// the reset releases s's own count first, and when s held the last one the
// buffer and context are freed before the increment reads the context.
#pragma once

#include "ordercheck/refcounted_deleter/reference.hpp"
#include "ordercheck/refcounted_deleter/storage.hpp"

namespace ordercheck::model::strength {

template <class Sync>
class reset_destination_first_sharing {
 public:
  void new_storage_from(storage<Sync>& source, storage<Sync>& out) {
    sharing_.maybe_apply(source);
    void* const buffer = source.data().get();
    auto* context = static_cast<refcounted_context<Sync>*>(source.data().context());
    out.reset();  // the slip: when out is source, this may drop the last count
    // relaxed, as the reference: the caller is supposed to hold a count.
    context->count.fetch_add(1, Sync::relaxed);
    out.data() = data_ptr<Sync>(buffer, context, &reference::refcounted_release<Sync>);
  }

 private:
  reference::refcounted_sharing<Sync> sharing_;
};

}  // namespace ordercheck::model::strength
