// Stand-ins for c10's DataPtr and Storage, and the refcounted context that
// both refcounted_deleter variants share.
//
// A data_ptr owns a data pointer plus a context and the deleter that frees it
// (a unique pointer, as c10::DataPtr). A storage owns one data_ptr. To share one
// buffer among several storages, the data_ptr's context and deleter are wrapped
// in a refcounted_context, and the data_ptr's deleter becomes the variant's
// refcounted release; every storage over the buffer then holds one count.
//
// Memory ordering: nothing here is atomic but the count, whose orders belong to
// the variants (upstream.hpp, reference.hpp). The data_ptr fields are plain: a
// storage's data_ptr is rewritten only under the sharing mutex, and read by
// threads that took that mutex first (maybe_apply) or own the storage.
#pragma once

#include <utility>

namespace ordercheck {

using deleter_function = void (*)(void* context);

template <class Sync>
class data_ptr {
 public:
  data_ptr() = default;
  data_ptr(void* data, void* context, deleter_function deleter) {
    data_.store(data);
    context_.store(context);
    deleter_.store(deleter);
  }
  data_ptr(data_ptr&& other) noexcept { take(other); }
  data_ptr& operator=(data_ptr&& other) noexcept {
    if (this != &other) {
      reset();
      take(other);
    }
    return *this;
  }
  ~data_ptr() { reset(); }

  void* get() const { return data_.load(); }
  void* context() const { return context_.load(); }
  deleter_function deleter() const { return deleter_.load(); }

  // Gives up the context without running the deleter: the caller takes over.
  void* release_context() {
    void* context = context_.load();
    context_.store(nullptr);
    deleter_.store(nullptr);
    return context;
  }

  // Runs the deleter on the context (once) and leaves the data_ptr empty.
  void reset() {
    const deleter_function deleter = deleter_.load();
    void* context = context_.load();
    data_.store(nullptr);
    context_.store(nullptr);
    deleter_.store(nullptr);
    if (deleter != nullptr) deleter(context);
  }

 private:
  void take(data_ptr& other) {
    data_.store(other.data_.load());
    context_.store(other.context_.load());
    deleter_.store(other.deleter_.load());
    other.data_.store(nullptr);
    other.context_.store(nullptr);
    other.deleter_.store(nullptr);
  }

  typename Sync::template plain<void*> data_{nullptr};
  typename Sync::template plain<void*> context_{nullptr};
  typename Sync::template plain<deleter_function> deleter_{nullptr};
};

template <class Sync>
class storage {
 public:
  storage() = default;
  explicit storage(data_ptr<Sync>&& data) : data_(std::move(data)) {}
  data_ptr<Sync>& data() { return data_; }
  const data_ptr<Sync>& data() const { return data_; }
  void reset() { data_.reset(); }

 private:
  data_ptr<Sync> data_;
};

// The context of a shared data_ptr: the original context and deleter, plus the
// number of storages that hold the buffer (1 at creation).
template <class Sync>
struct refcounted_context {
  refcounted_context(void* inner_context_in, deleter_function inner_deleter_in) : count(1) {
    inner_context.store(inner_context_in);
    inner_deleter.store(inner_deleter_in);
  }
  void run_inner_deleter() {
    const deleter_function deleter = inner_deleter.load();
    if (deleter != nullptr) deleter(inner_context.load());
  }

  typename Sync::template plain<void*> inner_context{nullptr};
  typename Sync::template plain<deleter_function> inner_deleter{nullptr};
  typename Sync::template atomic<int> count;
};

// Replaces `data`'s context and deleter with a new refcounted_context (count 1)
// whose deleter is `release`. The caller holds the sharing mutex.
template <class Sync>
void wrap_in_refcounted_context(data_ptr<Sync>& data, deleter_function release) {
  void* buffer = data.get();
  const deleter_function inner_deleter = data.deleter();
  void* inner_context = data.release_context();
  auto* context = new refcounted_context<Sync>(inner_context, inner_deleter);
  data = data_ptr<Sync>(buffer, context, release);
}

}  // namespace ordercheck
