// code_context scenarios: threads of one interpreter get, pop, and kill keys of
// one map at once.
//
// Shared by the model driver (relacy_sync) and the stress driver (std_sync):
// one instance per round; before() runs first, thread(i) concurrently, after()
// once every thread is done.
//
// Contracts (docs/design.md): code_context stands for Python code, which the GIL
// makes atomic one dict operation at a time, not one get or pop at a time. The
// upstream map already holds its own lock around each single dict operation
// (it stands for the GIL under `gil`, for each dict's own lock in a
// free-threaded build), and the reference map holds its mutex around each whole
// call. So the map code is the same under both contracts; what `gil` adds here
// is the GIL around the scenario's own Python-level steps: reading a context
// and dropping a key's last reference. Both contracts must give the same
// verdicts: that is the point docs/design.md makes ("GIL or not").
//
// Invariants asserted:
//  - every get for a live key, between two removals, returns the same context,
//    and that context is the one the map holds (no lost insert);
//  - a context is fully written when it is handed out (its key field is the
//    key it was made for);
//  - two pops never both take the one entry, and a removal never fails
//    (upstream's KeyError is an assertion inside the map);
//  - a dead key's entry is gone, and other keys' entries stay.
#pragma once

#include <type_traits>

#include "ordercheck/code_context/code_object.hpp"
#include "ordercheck/code_context/reference.hpp"
#include "ordercheck/code_context/upstream.hpp"
#include "ordercheck/scenarios/scenario.hpp"

namespace ordercheck::scenarios {

template <class Sync, variant V>
using code_context_map_of =
    std::conditional_t<V == variant::reference, reference::code_context_map<Sync, 4, 8>,
                       upstream::code_context_map<Sync, 4, 8>>;

// What every code_context scenario shares. Keys are declared before the map,
// so the map is destroyed (and drops its weak references) before the keys.
template <class Sync, variant V, contract C>
class code_context_fixture {
 protected:
  using map_type = code_context_map_of<Sync, V>;
  using key_type = code_object<Sync>;
  using context = code_context_value<Sync>;

  // Reads the context a get or pop returned: a Python-level step, under the
  // GIL when the contract has one.
  void check_context(context* value, const key_type& key) {
    Sync::assert_that(value != nullptr, "code_context: get and pop return a context");
    const void* written = gil_.with(0, [&] { return value->key.load(); });
    Sync::assert_that(written == &key,
                      "code_context: a context is handed out with its fields written");
  }

  key_type keys_[2];
  gil_set<Sync, C, 1> gil_;
  map_type map_;
};

// Two threads get the same new key at once: both must get the same context,
// the one the map keeps. Upstream loses one insert (check-then-insert).
template <class Sync, variant V, contract C>
class code_context_two_getters : public code_context_fixture<Sync, V, C> {
 public:
  static constexpr unsigned thread_count = 2;
  static constexpr const char* name = "two_getters";

  void before() {}
  void thread(unsigned index) {
    auto* value = this->map_.get(this->keys_[0]);
    this->check_context(value, this->keys_[0]);
    got_[index] = value;
  }
  void after() {
    Sync::assert_that(got_[0] == got_[1],
                      "code_context: two gets of one live key return the same context (lost insert)");
    Sync::assert_that(this->map_.get(this->keys_[0]) == got_[0],
                      "code_context: the context every get returned is the one in the map");
    Sync::assert_that(this->map_.size() == 1, "code_context: one entry per key");
  }

 private:
  typename code_context_fixture<Sync, V, C>::context* got_[thread_count] = {};
};

// Two threads pop one present key at once: exactly one takes the entry's
// context, the other gets a fresh one, and neither removal fails. Upstream's
// remove checks membership and then deletes: the second delete is a KeyError.
template <class Sync, variant V, contract C>
class code_context_two_pops : public code_context_fixture<Sync, V, C> {
 public:
  static constexpr unsigned thread_count = 2;
  static constexpr const char* name = "two_pops";

  void before() { original_ = this->map_.get(this->keys_[0]); }
  void thread(unsigned index) {
    auto* value = this->map_.pop(this->keys_[0]);
    this->check_context(value, this->keys_[0]);
    got_[index] = value;
  }
  void after() {
    const int took_original = (got_[0] == original_ ? 1 : 0) + (got_[1] == original_ ? 1 : 0);
    Sync::assert_that(took_original == 1,
                      "code_context: exactly one of two pops takes the entry's context");
    Sync::assert_that(!this->map_.has(this->keys_[0]), "code_context: a popped key has no entry");
  }

 private:
  typename code_context_fixture<Sync, V, C>::context* original_ = nullptr;
  typename code_context_fixture<Sync, V, C>::context* got_[thread_count] = {};
};

// Thread 0 gets a new key twice while thread 1 drops the last reference to
// another key that has an entry (its death callback removes the entry). The
// dead key's entry must go, the live key's must stay, and both gets agree.
template <class Sync, variant V, contract C>
class code_context_get_while_key_dies : public code_context_fixture<Sync, V, C> {
 public:
  static constexpr unsigned thread_count = 2;
  static constexpr const char* name = "get_while_key_dies";

  void before() {
    dying_ = new typename code_context_fixture<Sync, V, C>::key_type;
    this->map_.get(*dying_);
  }
  void thread(unsigned index) {
    if (index == 0) {
      auto* first = this->map_.get(this->keys_[0]);
      this->check_context(first, this->keys_[0]);
      auto* second = this->map_.get(this->keys_[0]);
      Sync::assert_that(first == second,
                        "code_context: two gets of one live key return the same context");
      got_ = first;
    } else {
      // The key's last reference goes: its destructor runs the death callback.
      auto* dying = dying_;
      this->gil_.with(0, [&] { delete dying; });
    }
  }
  void after() {
    Sync::assert_that(this->map_.size() == 1,
                      "code_context: a dead key's entry is gone and a live key's entry stays");
    Sync::assert_that(this->map_.get(this->keys_[0]) == got_,
                      "code_context: the live key keeps its context");
  }

 private:
  typename code_context_fixture<Sync, V, C>::key_type* dying_ = nullptr;
  typename code_context_fixture<Sync, V, C>::context* got_ = nullptr;
};

}  // namespace ordercheck::scenarios
