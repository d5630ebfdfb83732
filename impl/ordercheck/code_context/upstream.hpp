// code_context, upstream variant: the logic of torch/_dynamo/code_context.py over
// utils.ExactWeakKeyDictionary, defects included. The code we stand behind is
// reference.hpp.
//
// A map from code objects, by identity, to a context; an entry goes away when
// its key dies (a weak-reference callback). get (get or create), has, pop (get,
// then remove), clear.
//
// Memory ordering: every single dict operation below holds `dict_lock_`, which
// stands for what makes one Python dict operation atomic (the GIL, or the dict's
// own lock in free-threaded builds). The mutex's acquire/release publishes each
// context with its entry. Nothing makes the compound operations atomic.
//
// Known defects, GIL or not: two get() calls can both miss and both insert, and
// the first caller goes on writing into a context no longer in the map (a lost
// insert); remove_id checks membership and then deletes, so two removals of
// one key (two pops, or a pop and the key's death) can delete twice: a KeyError.
#pragma once

#include <cstddef>

#include "ordercheck/code_context/code_object.hpp"
#include "ordercheck/code_context/context_table.hpp"

namespace ordercheck::upstream {

template <class Sync, std::size_t EntryCapacity = 16, std::size_t ContextCapacity = 64>
class code_context_map {
 public:
  using key_type = code_object<Sync>;
  using context = code_context_value<Sync>;

  code_context_map() = default;
  ~code_context_map() { clear(); }

  context* get(key_type& key) {
    context* found = lookup_value(&key);  // self.code_context.get(code)
    if (found != nullptr) return found;
    context* created = table_.create(&key);  // ctx = {}
    set_item(key, created);                  // self.code_context[code] = ctx
    return created;
  }

  bool has(key_type& key) { return contains_value(&key); }

  context* pop(key_type& key) {
    context* popped = get(key);
    remove_id(&key);
    return popped;
  }

  void clear() {
    // ExactWeakKeyDictionary.clear: refs.clear(), then values.clear().
    dict_lock_.lock();
    table_.for_each([this](auto& e) {
      if (e.watched.load()) static_cast<key_type*>(const_cast<void*>(e.key.load()))->remove_weak_reference(this);
      e.watched.store(false);
      if (e.value.load() == nullptr) table_.erase(&e);
    });
    dict_lock_.unlock();
    dict_lock_.lock();
    table_.for_each([this](auto& e) { table_.erase(&e); });
    dict_lock_.unlock();
  }

  std::size_t size() {
    dict_lock_.lock();
    std::size_t n = 0;
    table_.for_each([&n](auto& e) { n += e.value.load() != nullptr ? 1 : 0; });
    dict_lock_.unlock();
    return n;
  }

 private:
  using entry = typename context_table<Sync, EntryCapacity, ContextCapacity>::entry;

  // ExactWeakKeyDictionary.__setitem__: register the weak reference unless one
  // exists (two dict operations), then store the value (a third).
  void set_item(key_type& key, context* value) {
    if (!contains_ref(&key)) add_ref(key);
    dict_lock_.lock();
    entry* e = table_.find(&key);
    if (e == nullptr) {
      try {
        e = table_.insert(&key);
      } catch (...) {
        dict_lock_.unlock();
        throw;
      }
    }
    e->value.store(value);
    dict_lock_.unlock();
  }

  // ExactWeakKeyDictionary._remove_id: each membership test and each delete is
  // its own dict operation; a delete of a missing key raises KeyError.
  void remove_id(const void* key) {
    if (contains_value(key)) erase_value(key);
    if (contains_ref(key)) erase_ref(key);
  }

  static void on_key_death(void* owner, const key_type* key) {
    static_cast<code_context_map*>(owner)->remove_id(key);
  }

  context* lookup_value(const void* key) {
    dict_lock_.lock();
    entry* e = table_.find(key);
    context* value = e != nullptr ? e->value.load() : nullptr;
    dict_lock_.unlock();
    return value;
  }
  bool contains_value(const void* key) { return lookup_value(key) != nullptr; }
  bool contains_ref(const void* key) {
    dict_lock_.lock();
    entry* e = table_.find(key);
    const bool watched = e != nullptr && e->watched.load();
    dict_lock_.unlock();
    return watched;
  }
  void add_ref(key_type& key) {
    // Python's weakref never runs out; our stand-in's fixed list can. Refuse
    // as the reference does, rather than keep an entry no callback removes.
    if (!key.add_weak_reference(this, &on_key_death)) {
      throw capacity_error("code_context: the key has no room for another weak reference");
    }
    dict_lock_.lock();
    entry* e = table_.find(&key);
    if (e == nullptr) {
      try {
        e = table_.insert(&key);
      } catch (...) {
        dict_lock_.unlock();
        // The map is full: without an entry, clear() would not cancel this
        // callback, and a key outliving the map would call into a dead map.
        key.remove_weak_reference(this);
        throw;
      }
    }
    e->watched.store(true);
    dict_lock_.unlock();
  }
  void erase_value(const void* key) {
    dict_lock_.lock();
    entry* e = table_.find(key);
    const bool present = e != nullptr && e->value.load() != nullptr;
    if (present) {
      e->value.store(nullptr);
      if (!e->watched.load()) table_.erase(e);
    }
    dict_lock_.unlock();
    Sync::assert_that(present, "code_context: KeyError: del values[id] of an id that another removal already deleted");
  }
  void erase_ref(const void* key) {
    dict_lock_.lock();
    entry* e = table_.find(key);
    const bool present = e != nullptr && e->watched.load();
    if (present) {
      e->watched.store(false);
      if (e->value.load() == nullptr) table_.erase(e);
    }
    dict_lock_.unlock();
    // Dropping the weak reference object cancels its callback. From the key's
    // own death callback the key's list is already empty, and its members are
    // still alive (the callback runs inside its destructor).
    if (present) static_cast<key_type*>(const_cast<void*>(key))->remove_weak_reference(this);
    Sync::assert_that(present, "code_context: KeyError: del refs[id] of an id that another removal already deleted");
  }

  typename Sync::mutex dict_lock_;
  context_table<Sync, EntryCapacity, ContextCapacity> table_;
};

}  // namespace ordercheck::upstream
