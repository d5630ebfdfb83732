// code_context, reference variant: correct with or without a GIL.
//
// A map from code objects, by identity, to a context; an entry goes away when
// its key dies (a weak-reference callback that runs while the key is destroyed,
// before its address can be reused).
//  - get(key): the key's context, created and inserted on the first call;
//  - has(key): whether the key has an entry;
//  - pop(key): removes the key's entry and returns its context (a fresh,
//    uninserted context when there was none: get-then-remove, made atomic);
//  - clear(): removes every entry.
//
// Invariants: every get() for a live key between two removals returns the same
// context; a context is never handed out before its fields are written; a
// removal never fails and never removes another key's entry; the entry of a
// dead key is gone by the time its destructor returns.
//
// Memory ordering: one mutex guards the whole table and every compound
// operation, including the death callback; its lock (acquire) and unlock
// (release) publish each context with its entry. Lock order: map, then key
// (code_object never holds its own lock while it runs callbacks).
#pragma once

#include <cstddef>

#include "ordercheck/code_context/code_object.hpp"
#include "ordercheck/code_context/context_table.hpp"

namespace ordercheck::reference {

template <class Sync, std::size_t EntryCapacity = 16, std::size_t ContextCapacity = 64>
class code_context_map {
 public:
  using key_type = code_object<Sync>;
  using context = code_context_value<Sync>;

  code_context_map() = default;
  ~code_context_map() { clear(); }

  context* get(key_type& key) {
    mutex_.lock();
    entry* e = table_.find(&key);
    context* value = nullptr;
    if (e != nullptr) {
      value = e->value.load();
    } else {
      // Without a weak reference the entry would outlive its key, and a new
      // key at the same address would find it: refuse instead.
      if (!key.add_weak_reference(this, &on_key_death)) {
        mutex_.unlock();
        throw capacity_error("code_context: the key has no room for another weak reference");
      }
      try {
        value = table_.create(&key);
        e = table_.insert(&key);
      } catch (...) {
        key.remove_weak_reference(this);
        mutex_.unlock();
        throw;
      }
      e->value.store(value);
      e->watched.store(true);
    }
    mutex_.unlock();
    return value;
  }

  bool has(key_type& key) {
    mutex_.lock();
    const bool present = table_.find(&key) != nullptr;
    mutex_.unlock();
    return present;
  }

  context* pop(key_type& key) {
    mutex_.lock();
    entry* e = table_.find(&key);
    context* value = nullptr;
    if (e != nullptr) {
      value = e->value.load();
      forget(*e);
    } else {
      try {
        value = table_.create(&key);
      } catch (...) {
        mutex_.unlock();
        throw;
      }
    }
    mutex_.unlock();
    return value;
  }

  void clear() {
    mutex_.lock();
    table_.for_each([this](entry& e) { forget(e); });
    mutex_.unlock();
  }

  std::size_t size() {
    mutex_.lock();
    const std::size_t n = table_.size();
    mutex_.unlock();
    return n;
  }

 private:
  using entry = typename context_table<Sync, EntryCapacity, ContextCapacity>::entry;

  // Removes an entry and cancels its key's callback. The caller holds mutex_.
  void forget(entry& e) {
    if (e.watched.load()) {
      static_cast<key_type*>(const_cast<void*>(e.key.load()))->remove_weak_reference(this);
    }
    table_.erase(&e);
  }

  static void on_key_death(void* owner, const key_type* key) {
    auto* self = static_cast<code_context_map*>(owner);
    self->mutex_.lock();
    // A pop or clear may have removed the entry first: nothing to do then.
    if (entry* e = self->table_.find(key)) self->table_.erase(e);
    self->mutex_.unlock();
  }

  typename Sync::mutex mutex_;
  context_table<Sync, EntryCapacity, ContextCapacity> table_;
};

}  // namespace ordercheck::reference
