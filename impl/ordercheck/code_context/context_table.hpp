// The storage both code_context variants share: a fixed-capacity table from a
// key's identity to its context, and the contexts themselves.
//
// Contexts are never freed before the map: Python keeps a context alive while
// anyone references it, and we cannot know who does, so the map keeps every
// context it ever created until it is destroyed (`context_capacity` of them).
//
// Memory ordering: the table is not synchronized; each variant says which lock
// guards it. The context pool hands out slots with a relaxed fetch_add: each
// slot index goes to one creator, and the creator publishes the initialised
// context through the (locked) table, not through the counter.
#pragma once

#include <cstddef>
#include <stdexcept>

namespace ordercheck {

// A context: what get() returns. `key` is written once, by the creator, before
// the context is published; readers check it (the payload of the models).
template <class Sync>
struct code_context_value {
  typename Sync::template plain<const void*> key{nullptr};
};

class capacity_error : public std::length_error {
 public:
  using std::length_error::length_error;
};

template <class Sync, std::size_t EntryCapacity, std::size_t ContextCapacity>
class context_table {
 public:
  using context = code_context_value<Sync>;

  context* create(const void* key) {
    // relaxed: the index only has to be unique; see the header.
    const std::size_t index = next_context_.fetch_add(1, Sync::relaxed);
    if (index >= ContextCapacity) throw capacity_error("code_context: context pool exhausted");
    contexts_[index].key.store(key);
    return &contexts_[index];
  }

  // The entry for `key`, or null.
  struct entry;
  entry* find(const void* key) {
    for (auto& e : entries_) {
      if (e.key.load() == key) return &e;
    }
    return nullptr;
  }
  entry* insert(const void* key) {
    entry* slot = find(nullptr);
    if (slot == nullptr) throw capacity_error("code_context: map is full");
    slot->key.store(key);
    return slot;
  }
  void erase(entry* e) {
    e->key.store(nullptr);
    e->value.store(nullptr);
    e->watched.store(false);
  }
  std::size_t size() {
    std::size_t n = 0;
    for (auto& e : entries_) n += e.key.load() != nullptr ? 1 : 0;
    return n;
  }
  template <class Visit>
  void for_each(Visit&& visit) {
    for (auto& e : entries_) {
      if (e.key.load() != nullptr) visit(e);
    }
  }

  struct entry {
    typename Sync::template plain<const void*> key{nullptr};
    typename Sync::template plain<context*> value{nullptr};
    typename Sync::template plain<bool> watched{false};  // has a weak reference to its key
  };

 private:
  entry entries_[EntryCapacity];
  context contexts_[ContextCapacity];
  typename Sync::template atomic<std::size_t> next_context_{0};
};

}  // namespace ordercheck
