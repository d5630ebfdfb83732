// owner_tag scenarios: several threads wrap one C++ object for their
// interpreters at once (THPVariable_Wrap's shape: look for a wrapper, create
// one if there is none, install it).
//
// Shared by the model driver (relacy_sync) and the stress driver (std_sync):
// one instance per round; before() runs first, thread(i) concurrently, after()
// once every thread is done.
//
// Contracts (docs/design.md): `wrap` is one API call from Python's point of view
// (check, create, init, take ownership), so under `gil` the thread holds its
// interpreter's GIL around the whole of it. Payload touches (reading the
// wrapper's field) happen after the call, outside the GIL, so a wrapper that
// was published without ordering shows up as a data race.
//
// Invariants asserted:
//  - the slot is tagged at most once and the tag never changes (every error
//    names the final owner; every thread that got a wrapper belongs to it);
//  - one wrapper per object (every thread of the owner gets the same wrapper,
//    and it is the one the slot holds at the end);
//  - the wrapper a thread gets is fully written (its field holds its creator's
//    value) and was made by a thread of the owning interpreter;
//  - hermetic mode hides the wrapper; the owned wrapper is released once.
#pragma once

#include <optional>
#include <type_traits>

#include "ordercheck/interpreter.hpp"
#include "ordercheck/owner_tag/reference.hpp"
#include "ordercheck/owner_tag/status.hpp"
#include "ordercheck/owner_tag/upstream.hpp"
#include "ordercheck/scenarios/scenario.hpp"

namespace ordercheck::scenarios {

template <class Sync, variant V>
using owner_tag_of = std::conditional_t<V == variant::reference, reference::owner_tag<Sync>,
                                        upstream::owner_tag<Sync>>;

// A Python wrapper object: its field is written by its creator before it is
// installed and read by everyone who gets it.
template <class Sync>
struct wrapper_object {
  typename Sync::template plain<int> field{0};
};

// Every owner_tag scenario's set-up: interpreters A and B, whose decref
// reaches the scenario, and the hermetic flags cleared (the model runs many
// executions in one process; std_sync's flags are per real thread).
template <class Sync>
void set_up_interpreters(interpreter (&interpreters)[2],
                         void (*decref)(const interpreter&, python_object*), void* scenario) {
  if constexpr (requires { Sync::template thread_flag<hermetic_mode_tag>::clear(); }) {
    Sync::template thread_flag<hermetic_mode_tag>::clear();
  }
  interpreters[0].name = "A";
  interpreters[1].name = "B";
  for (auto& i : interpreters) {
    i.decref = decref;
    i.user_data = scenario;
  }
}

// Each scenario is written over the slot type (`Slot`) and bound to a variant
// by an alias, so that tests can run the same scenario over a broken fixture
// (model/tests/strength/).

// What the interpreters' decref did, for after(): set_up_interpreters(...,
// &decref_log::record, &log) makes every decref land here.
struct decref_log {
  int count = 0;
  python_object* last = nullptr;
  static void record(const interpreter& self, python_object* object) {
    auto* log = static_cast<decref_log*>(self.user_data);
    ++log->count;
    log->last = object;
  }
};

// Threads 0 and 1 belong to interpreter A and race to wrap the object; thread 2
// belongs to interpreter B and tries too (it must get an ownership error when
// A owns the slot, or own it alone). Thread 1 also checks in hermetic mode.
template <class Sync, class Slot, contract C>
class owner_tag_two_wrappers_one_other_over {
 public:
  static constexpr unsigned thread_count = 3;
  static constexpr const char* name = "two_wrappers_one_other";

  void before() { set_up_interpreters<Sync>(interpreters_, &decref_log::record, &decrefs_); }

  void thread(unsigned index) {
    const unsigned interpreter_index = interpreter_of(index);
    const interpreter* self = &interpreters_[interpreter_index];
    gil_.with(interpreter_index, [&] { wrap(index, self); });
    if (outcome_[index].wrapper != nullptr) {
      // Payload touch after the call: the wrapper's creator wrote the field
      // before installing it; whoever got the wrapper must see that write.
      const int creator = creator_of(outcome_[index].wrapper);
      Sync::assert_that(creator >= 0, "owner_tag: a wrapper must be one that a thread created");
      Sync::assert_that(as_wrapper(outcome_[index].wrapper)->field.load() == field_value(creator),
                        "owner_tag: the wrapper's fields must be visible to whoever gets it");
      Sync::assert_that(interpreter_of(static_cast<unsigned>(creator)) == interpreter_index,
                        "owner_tag: a thread must get a wrapper made by its own interpreter");
    }
    if (index == 1) gil_.with(interpreter_index, [&] { check_hermetic(self); });
  }

  void after() {
    const interpreter* owner = slot_.owner();
    Sync::assert_that(owner != nullptr, "owner_tag: some thread must have tagged the slot");
    python_object* installed = nullptr;
    for (unsigned i = 0; i < thread_count; ++i) {
      const outcome& o = outcome_[i];
      if (o.error_owner != nullptr) {
        Sync::assert_that(o.error_owner == owner,
                          "owner_tag: the tag never changes (an error named another owner)");
        Sync::assert_that(&interpreters_[interpreter_of(i)] != owner,
                          "owner_tag: the owner's own threads never get an ownership error");
        continue;
      }
      Sync::assert_that(&interpreters_[interpreter_of(i)] == owner,
                        "owner_tag: the tag never changes (a thread of another interpreter got a wrapper)");
      Sync::assert_that(o.wrapper != nullptr, "owner_tag: the owner's threads get a wrapper");
      if (installed == nullptr) installed = o.wrapper;
      Sync::assert_that(o.wrapper == installed,
                        "owner_tag: one wrapper per object (two threads got different wrappers)");
    }
    const std::optional<python_object*> final_wrapper = slot_.check(owner, true);
    Sync::assert_that(final_wrapper.has_value() && *final_wrapper == installed,
                      "owner_tag: the slot holds the wrapper every thread got");
    Sync::assert_that(slot_.owns(), "owner_tag: the installer took ownership of its wrapper");
    slot_.maybe_destroy();
    Sync::assert_that(decrefs_.count == 1 && decrefs_.last == installed,
                      "owner_tag: the owned wrapper is released exactly once");
  }

 private:
  struct outcome {
    python_object* wrapper = nullptr;
    const interpreter* error_owner = nullptr;
  };

  static unsigned interpreter_of(unsigned thread) { return thread < 2 ? 0 : 1; }
  static int field_value(int creator) { return 100 + creator; }
  static wrapper_object<Sync>* as_wrapper(python_object* object) {
    return reinterpret_cast<wrapper_object<Sync>*>(object);
  }
  python_object* as_object(unsigned creator) {
    return reinterpret_cast<python_object*>(&wrappers_[creator]);
  }
  int creator_of(python_object* object) {
    for (unsigned i = 0; i < thread_count; ++i) {
      if (object == as_object(i)) return static_cast<int>(i);
    }
    return -1;
  }

  // THPVariable_Wrap: use the wrapper there is, else create one and install it.
  void wrap(unsigned index, const interpreter* self) {
    try {
      const std::optional<python_object*> existing = slot_.check(self);
      if (existing.has_value() && *existing != nullptr) {
        outcome_[index].wrapper = *existing;
        return;
      }
      wrappers_[index].field.store(field_value(static_cast<int>(index)));
      python_object* mine = as_object(index);
      python_object* installed =
          slot_.init(self, mine, interpreter_status::maybe_uninitialized);
      // The C++ side owns the wrapper it installed (the object outlives it).
      if (installed == mine) slot_.set_owns(true);
      outcome_[index].wrapper = installed;
    } catch (const ownership_error& error) {
      outcome_[index].error_owner = error.owner();
    }
  }

  void check_hermetic(const interpreter* self) {
    using hermetic = typename Sync::template thread_flag<hermetic_mode_tag>;
    hermetic::set(true);
    try {
      Sync::assert_that(!slot_.check(self).has_value(), "owner_tag: hermetic mode hides the wrapper");
    } catch (const ownership_error&) {
      // B owns the slot: the error is the right answer in hermetic mode too.
    }
    hermetic::set(false);
  }

  interpreter interpreters_[2] = {};
  wrapper_object<Sync> wrappers_[thread_count];
  outcome outcome_[thread_count];
  decref_log decrefs_;  // after() only
  gil_set<Sync, C> gil_;
  Slot slot_;
};
template <class Sync, variant V, contract C>
using owner_tag_two_wrappers_one_other = owner_tag_two_wrappers_one_other_over<Sync, owner_tag_of<Sync, V>, C>;

// The ownership bit and the error paths. before() tags the slot for A with
// definitely_uninitialized (the object has not escaped yet) and installs the
// wrapper. Then threads 0 and 1 (interpreter A) flip the ownership bit
// (upstream: a plain read-modify-write of the wrapper word, which can lose an
// update) and read the wrapper back, while thread 2 (interpreter B) tries to
// wrap with tagged_by_other and to check, and must get ownership errors naming
// A. Every thread's last write sets the bit, so it ends set, and
// maybe_destroy releases the wrapper exactly once.
template <class Sync, class Slot, contract C>
class owner_tag_ownership_bit_over {
 public:
  static constexpr unsigned thread_count = 3;
  static constexpr const char* name = "ownership_bit";

  void before() {
    set_up_interpreters<Sync>(interpreters_, &decref_log::record, &decrefs_);
    wrapper_.field.store(wrapper_field);
    slot_.init(&interpreters_[0], as_object(), interpreter_status::definitely_uninitialized);
  }

  void thread(unsigned index) {
    if (index == 2) {
      other_interpreter_tries();
      return;
    }
    const interpreter* self = &interpreters_[0];
    // Thread 1 clears the bit first; both end by setting it. (One call site
    // for the final set: two identical branches get merged by the compiler,
    // and TSan then cannot name the line of the racing access.)
    if (index == 1) gil_.with(0, [&] { slot_.set_owns(false); });
    gil_.with(0, [&] { slot_.set_owns(true); });
    const std::optional<python_object*> seen = gil_.with(0, [&] { return slot_.check(self); });
    Sync::assert_that(seen.has_value() && *seen == as_object(),
                      "owner_tag: changing the ownership bit never changes the wrapper pointer");
    Sync::assert_that(wrapper_.field.load() == wrapper_field,
                      "owner_tag: the wrapper's fields must be visible to whoever gets it");
  }

  void after() {
    Sync::assert_that(slot_.owner() == &interpreters_[0], "owner_tag: the tag never changes");
    Sync::assert_that(slot_.owns(),
                      "owner_tag: set_owns never loses an update (every thread's last write set the bit)");
    slot_.maybe_destroy();
    Sync::assert_that(decrefs_.count == 1, "owner_tag: the owned wrapper is released exactly once");
    Sync::assert_that(b_errors_ == 2, "owner_tag: another interpreter gets an ownership error naming the owner");
  }

 private:
  static constexpr int wrapper_field = 42;

  python_object* as_object() { return reinterpret_cast<python_object*>(&wrapper_); }

  void other_interpreter_tries() {
    const interpreter* self = &interpreters_[1];
    gil_.with(1, [&] {
      try {
        slot_.init(self, reinterpret_cast<python_object*>(&other_wrapper_),
                   interpreter_status::tagged_by_other);
      } catch (const ownership_error& error) {
        if (error.owner() == &interpreters_[0] && error.self() == self) ++b_errors_;
      }
      try {
        slot_.check(self);
      } catch (const ownership_error& error) {
        if (error.owner() == &interpreters_[0] && error.self() == self) ++b_errors_;
      }
    });
  }

  interpreter interpreters_[2] = {};
  wrapper_object<Sync> wrapper_;
  wrapper_object<Sync> other_wrapper_;
  decref_log decrefs_;  // after() only
  int b_errors_ = 0;      // thread 2 only, then after()
  gil_set<Sync, C> gil_;
  Slot slot_;
};
template <class Sync, variant V, contract C>
using owner_tag_ownership_bit = owner_tag_ownership_bit_over<Sync, owner_tag_of<Sync, V>, C>;

// Self-application: a slot re-initialised with its own wrapper. before() tags
// the slot for A (definitely_uninitialized), installs wrapper W and takes
// ownership of it, as wrap() does. Then thread 0 (A) calls init(A, W,
// tagged_by_us) and thread 1 (A) init(A, W, maybe_uninitialized): the wrapper
// the slot already holds, twice at once. The reference's init installs only
// into an empty slot and returns the wrapper the slot holds, so both get W
// and the slot, its tag and its ownership bit stay as they were. Upstream
// stores the word plainly: the bit is cleared (the owned wrapper is never
// released) and, without a GIL, the two stores race. An init that clears the
// bit whenever it returns the caller's own wrapper (taking that for a fresh
// install) passes every other scenario (model/tests/strength/ holds it).
// Invariants asserted: identity (each init and check returns W, whose field
// its creator wrote, and W is what the slot holds at the end); the tag is
// still A; the ownership bit survived; maybe_destroy releases W exactly once.
template <class Sync, class Slot, contract C>
class owner_tag_reinit_own_wrapper_over {
 public:
  static constexpr unsigned thread_count = 2;
  static constexpr const char* name = "reinit_own_wrapper";

  void before() {
    set_up_interpreters<Sync>(interpreters_, &decref_log::record, &decrefs_);
    wrapper_.field.store(wrapper_field);
    slot_.init(&interpreters_[0], as_object(), interpreter_status::definitely_uninitialized);
    slot_.set_owns(true);
  }

  void thread(unsigned index) {
    const interpreter* self = &interpreters_[0];
    const interpreter_status status =
        index == 0 ? interpreter_status::tagged_by_us : interpreter_status::maybe_uninitialized;
    python_object* installed = gil_.with(0, [&] { return slot_.init(self, as_object(), status); });
    Sync::assert_that(installed == as_object(), "owner_tag: init with the installed wrapper returns that wrapper");
    const std::optional<python_object*> seen = gil_.with(0, [&] { return slot_.check(self); });
    Sync::assert_that(seen.has_value() && *seen == as_object(),
                      "owner_tag: re-initialising with its own wrapper keeps that wrapper in the slot");
    Sync::assert_that(wrapper_.field.load() == wrapper_field,
                      "owner_tag: the wrapper's fields must be visible to whoever gets it");
  }

  void after() {
    Sync::assert_that(slot_.owner() == &interpreters_[0], "owner_tag: the tag never changes");
    const std::optional<python_object*> final_wrapper = slot_.check(&interpreters_[0], true);
    Sync::assert_that(final_wrapper.has_value() && *final_wrapper == as_object(),
                      "owner_tag: the slot holds the wrapper it was re-initialised with");
    Sync::assert_that(slot_.owns(),
                      "owner_tag: re-initialising with its own wrapper keeps the ownership bit");
    slot_.maybe_destroy();
    Sync::assert_that(decrefs_.count == 1 && decrefs_.last == as_object(),
                      "owner_tag: the owned wrapper is released exactly once");
  }

 private:
  static constexpr int wrapper_field = 7;

  python_object* as_object() { return reinterpret_cast<python_object*>(&wrapper_); }

  interpreter interpreters_[2] = {};
  wrapper_object<Sync> wrapper_;
  decref_log decrefs_;  // after() only
  gil_set<Sync, C> gil_;
  Slot slot_;
};
template <class Sync, variant V, contract C>
using owner_tag_reinit_own_wrapper = owner_tag_reinit_own_wrapper_over<Sync, owner_tag_of<Sync, V>, C>;

}  // namespace ordercheck::scenarios
