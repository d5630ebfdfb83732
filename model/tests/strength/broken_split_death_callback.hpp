// Broken fixture for the "removals racing a death callback, with slot reuse"
// shape: the reference map's logic, except that the key's death callback finds
// the entry under the map's lock, lets the lock go, and erases the entry it
// found under a second hold, without finding it again. When a clear() frees
// the slot in between and another key's get() reuses it, the callback erases
// that other key's entry. Scenarios where nothing frees and reuses the dying
// key's slot meanwhile (two_getters, two_pops, get_while_key_dies) pass.
#pragma once

#include <cstddef>

#include "ordercheck/code_context/code_object.hpp"
#include "ordercheck/code_context/context_table.hpp"

namespace ordercheck::model::strength {

template <class Sync, std::size_t EntryCapacity = 4, std::size_t ContextCapacity = 8>
class split_death_callback_map {
 public:
  using key_type = code_object<Sync>;
  using context = code_context_value<Sync>;

  split_death_callback_map() = default;
  ~split_death_callback_map() { clear(); }

  // Capacity errors are not handled: the scenarios stay within capacity.
  context* get(key_type& key) {
    mutex_.lock();
    entry* e = table_.find(&key);
    context* value = nullptr;
    if (e != nullptr) {
      value = e->value.load();
    } else {
      key.add_weak_reference(this, &on_key_death);
      value = table_.create(&key);
      e = table_.insert(&key);
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
    context* value = e != nullptr ? e->value.load() : table_.create(&key);
    if (e != nullptr) forget(*e);
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

  void forget(entry& e) {
    if (e.watched.load()) {
      static_cast<key_type*>(const_cast<void*>(e.key.load()))->remove_weak_reference(this);
    }
    table_.erase(&e);
  }
  static void on_key_death(void* owner, const key_type* key) {
    auto* self = static_cast<split_death_callback_map*>(owner);
    self->mutex_.lock();
    entry* e = self->table_.find(key);
    self->mutex_.unlock();
    if (e == nullptr) return;
    self->mutex_.lock();
    self->table_.erase(e);  // the slip: e may hold another key by now
    self->mutex_.unlock();
  }

  typename Sync::mutex mutex_;
  context_table<Sync, EntryCapacity, ContextCapacity> table_;
};

}  // namespace ordercheck::model::strength
