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
// Each scenario is written over the map type (`Map`) and bound to a variant by
// an alias, so that tests can run the same scenario over a broken fixture
// (model/tests/strength/).
template <class Sync, class Map, contract C>
class code_context_fixture {
 protected:
  using map_type = Map;
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
template <class Sync, class Map, contract C>
class code_context_two_getters_over : public code_context_fixture<Sync, Map, C> {
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
  typename code_context_fixture<Sync, Map, C>::context* got_[thread_count] = {};
};
template <class Sync, variant V, contract C>
using code_context_two_getters = code_context_two_getters_over<Sync, code_context_map_of<Sync, V>, C>;

// Two threads pop one present key at once: exactly one takes the entry's
// context, the other gets a fresh one, and neither removal fails. Upstream's
// remove checks membership and then deletes: the second delete is a KeyError.
template <class Sync, class Map, contract C>
class code_context_two_pops_over : public code_context_fixture<Sync, Map, C> {
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
  typename code_context_fixture<Sync, Map, C>::context* original_ = nullptr;
  typename code_context_fixture<Sync, Map, C>::context* got_[thread_count] = {};
};
template <class Sync, variant V, contract C>
using code_context_two_pops = code_context_two_pops_over<Sync, code_context_map_of<Sync, V>, C>;

// Thread 0 gets a new key twice while thread 1 drops the last reference to
// another key that has an entry (its death callback removes the entry). The
// dead key's entry must go, the live key's must stay, and both gets agree.
template <class Sync, class Map, contract C>
class code_context_get_while_key_dies_over : public code_context_fixture<Sync, Map, C> {
 public:
  static constexpr unsigned thread_count = 2;
  static constexpr const char* name = "get_while_key_dies";

  void before() {
    dying_ = new typename code_context_fixture<Sync, Map, C>::key_type;
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
  typename code_context_fixture<Sync, Map, C>::key_type* dying_ = nullptr;
  typename code_context_fixture<Sync, Map, C>::context* got_ = nullptr;
};
template <class Sync, variant V, contract C>
using code_context_get_while_key_dies = code_context_get_while_key_dies_over<Sync, code_context_map_of<Sync, V>, C>;

// Removals racing a removal and a death callback, with slot reuse. In
// before(), a dying key D takes table slot 0 and key P slot 1. Thread 0 drops
// D's last reference (its death callback removes D's entry); thread 1 clears
// the map and then gets a new key B, which takes the first free slot: D's old
// slot, freed by the clear or by the callback; thread 2 pops P (P's context
// when it runs before the clear, a fresh one after).
// After every thread: B's entry survived with the context thread 1 got (a
// removal that erases a slot it found before letting the lock go erases B's
// entry instead of D's: model/tests/strength/ holds that fixture), P's and D's
// entries are gone, and the popped context is P's own.
template <class Sync, class Map, contract C>
class code_context_removals_race_death_over : public code_context_fixture<Sync, Map, C> {
  using base = code_context_fixture<Sync, Map, C>;

 public:
  static constexpr unsigned thread_count = 3;
  static constexpr const char* name = "removals_race_death_with_slot_reuse";

  void before() {
    dying_ = new typename base::key_type;
    this->map_.get(*dying_);                       // slot 0
    this->map_.get(this->keys_[1]);                // slot 1
  }
  void thread(unsigned index) {
    if (index == 0) {
      auto* dying = dying_;
      this->gil_.with(0, [&] { delete dying; });  // runs D's death callback
    } else if (index == 1) {
      this->map_.clear();
      got_ = this->map_.get(this->keys_[0]);      // reuses a freed slot
      this->check_context(got_, this->keys_[0]);
    } else {
      this->check_context(this->map_.pop(this->keys_[1]), this->keys_[1]);
    }
  }
  void after() {
    Sync::assert_that(this->map_.has(this->keys_[0]),
                      "code_context: a key's entry survives another key's death callback (slot reuse)");
    Sync::assert_that(this->map_.get(this->keys_[0]) == got_,
                      "code_context: a live key keeps the context its get returned");
    Sync::assert_that(!this->map_.has(this->keys_[1]), "code_context: a popped key has no entry");
    Sync::assert_that(this->map_.size() == 1,
                      "code_context: a dead key's and a popped key's entries are gone, one entry stays");
  }

 private:
  typename base::key_type* dying_ = nullptr;
  typename base::context* got_ = nullptr;
};
template <class Sync, variant V, contract C>
using code_context_removals_race_death =
    code_context_removals_race_death_over<Sync, code_context_map_of<Sync, V>, C>;

}  // namespace ordercheck::scenarios
