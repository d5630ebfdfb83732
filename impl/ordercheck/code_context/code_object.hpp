// code_object: a key compared by identity (its address) whose destruction
// notifies its weak references, as CPython runs weakref callbacks while an
// object is destroyed, before its address can be reused.
//
// A weak reference is (owner, callback): callback(owner, key) runs once, from
// the destroying thread, unless the owner removed it first.
//
// Memory ordering: the weak-reference list is guarded by the object's own mutex
// (CPython: the GIL, or the object's lock in free-threaded builds). Callbacks
// run after that mutex is released, so a callback may take its owner's locks
// without inverting their order with add/remove (owner lock, then key lock).
#pragma once

#include <cstddef>

namespace ordercheck {

template <class Sync>
class code_object {
 public:
  using weak_callback = void (*)(void* owner, const code_object* key);
  static constexpr std::size_t max_weak_references = 4;

  code_object() = default;

  ~code_object() {
    void* owners[max_weak_references] = {};
    weak_callback callbacks[max_weak_references] = {};
    mutex_.lock();
    for (std::size_t i = 0; i < max_weak_references; ++i) {
      owners[i] = refs_[i].owner.load();
      callbacks[i] = refs_[i].callback.load();
      refs_[i].owner.store(nullptr);
      refs_[i].callback.store(nullptr);
    }
    mutex_.unlock();
    for (std::size_t i = 0; i < max_weak_references; ++i) {
      if (callbacks[i] != nullptr) callbacks[i](owners[i], this);
    }
  }

  // Registers `callback` for `owner` unless `owner` has one already. Returns
  // false when the list is full.
  bool add_weak_reference(void* owner, weak_callback callback) {
    mutex_.lock();
    std::size_t free_slot = max_weak_references;
    bool present = false;
    for (std::size_t i = 0; i < max_weak_references; ++i) {
      void* slot_owner = refs_[i].owner.load();
      if (slot_owner == owner) present = true;
      if (slot_owner == nullptr && free_slot == max_weak_references) free_slot = i;
    }
    const bool ok = present || free_slot != max_weak_references;
    if (!present && ok) {
      refs_[free_slot].owner.store(owner);
      refs_[free_slot].callback.store(callback);
    }
    mutex_.unlock();
    return ok;
  }

  // Drops `owner`'s weak reference, if any: its callback will not run.
  void remove_weak_reference(void* owner) {
    mutex_.lock();
    for (std::size_t i = 0; i < max_weak_references; ++i) {
      if (refs_[i].owner.load() == owner) {
        refs_[i].owner.store(nullptr);
        refs_[i].callback.store(nullptr);
      }
    }
    mutex_.unlock();
  }

 private:
  struct weak_reference {
    typename Sync::template plain<void*> owner{nullptr};
    typename Sync::template plain<weak_callback> callback{nullptr};
  };
  typename Sync::mutex mutex_;
  weak_reference refs_[max_weak_references];
};

}  // namespace ordercheck
