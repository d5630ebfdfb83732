// owner_tag mix: settings.threads threads of two interpreters (thread t
// belongs to interpreter_of(t): A, A, B, A, A, B, ...) each, at random, wrap the slot's object
// (check, create a wrapper, init under maybe_uninitialized, take ownership),
// check it, or check it in hermetic mode, several times per round.
//
// Checked in every call: a wrapper a thread gets was made by a thread of its
// own interpreter and its field is visible; hermetic mode hides it. Checked
// after every round: one tag at most (every ownership error names the final
// owner, only the owner's threads got wrappers), one wrapper per object (all
// of them got the installed one), and the owned wrapper is released once.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "ordercheck/scenarios/owner_tag_scenarios.hpp"
#include "ordercheck/sync/std_sync.hpp"

namespace ordercheck::stress_only {

template <variant V, contract C>
class owner_tag_mix {
 public:
  static constexpr unsigned operations_per_thread = 4;

  explicit owner_tag_mix(unsigned threads) : threads_(threads), wrappers_(threads), seen_(threads) {
    interpreters_[0].name = "A";
    interpreters_[1].name = "B";
    for (auto& i : interpreters_) {
      i.decref = &count_decref;
      i.user_data = this;
    }
  }

  void before_round(std::uint64_t) {
    slot_.emplace();
    decref_count_ = 0;
    decref_object_ = nullptr;
    for (unsigned t = 0; t < threads_; ++t) {
      wrappers_[t].field.store(0);
      seen_[t] = {};
    }
  }

  template <class Context>
  void run_thread(Context& context) {
    const unsigned t = context.thread();
    const unsigned interpreter_index = interpreter_of(t);
    const interpreter* self = &interpreters_[interpreter_index];
    for (unsigned op = 0; op < operations_per_thread; ++op) {
      context.pause();
      const auto choice = context.random().below(4);
      if (choice <= 1) {
        context.doing("wrap (check, init, set_owns)");
        gil_.with(interpreter_index, [&] { guarded(t, [&] { wrap(t, self); }); });
      } else if (choice == 2) {
        context.doing("check");
        gil_.with(interpreter_index, [&] {
          guarded(t, [&] {
            const auto found = slot_->check(self);
            if (found.has_value() && *found != nullptr) got(t, *found);
          });
        });
      } else {
        context.doing("check in hermetic mode");
        using hermetic = typename std_sync::template thread_flag<hermetic_mode_tag>;
        hermetic::set(true);
        gil_.with(interpreter_index, [&] {
          guarded(t, [&] {
            std_sync::assert_that(!slot_->check(self).has_value(), "owner_tag mix: hermetic mode hides the wrapper");
          });
        });
        hermetic::set(false);
      }
    }
  }

  void after_round(std::uint64_t) {
    const interpreter* owner = slot_->owner();
    python_object* installed = nullptr;
    if (owner != nullptr) {
      const auto final_wrapper = slot_->check(owner, true);
      if (final_wrapper.has_value()) installed = *final_wrapper;
    }
    for (unsigned t = 0; t < threads_; ++t) {
      for (const interpreter* named : seen_[t].error_owners) {
        std_sync::assert_that(named == owner, "owner_tag mix: one tag at most (an error named another owner)");
      }
      for (python_object* wrapper : seen_[t].wrappers) {
        std_sync::assert_that(&interpreters_[interpreter_of(t)] == owner,
                              "owner_tag mix: one tag at most (a thread of another interpreter got a wrapper)");
        std_sync::assert_that(wrapper == installed,
                              "owner_tag mix: one wrapper per object (a thread got a wrapper the slot does not hold)");
      }
    }
    const bool owned = slot_->owns();
    slot_->maybe_destroy();
    std_sync::assert_that(decref_count_ == (owned ? 1 : 0), "owner_tag mix: the owned wrapper is released exactly once");
    slot_.reset();
  }

 private:
  struct observations {
    std::vector<python_object*> wrappers;
    std::vector<const interpreter*> error_owners;
  };

  // Runs `body`, noting the owner an ownership error names. The error is
  // caught inside the GIL's scope: gil_set::with releases the GIL only when
  // its body returns.
  template <class Body>
  void guarded(unsigned t, Body&& body) {
    try {
      body();
    } catch (const ownership_error& error) {
      seen_[t].error_owners.push_back(error.owner());
    }
  }

  // Two threads of A for each thread of B, so that even two threads race
  // within one interpreter (the defect needs two threads of one interpreter).
  static unsigned interpreter_of(unsigned thread) { return thread % 3 == 2 ? 1 : 0; }

  static int field_value(unsigned creator) { return 100 + static_cast<int>(creator); }

  // THPVariable_Wrap: use the wrapper there is, else create ours and install it.
  void wrap(unsigned t, const interpreter* self) {
    const auto existing = slot_->check(self);
    if (existing.has_value() && *existing != nullptr) return got(t, *existing);
    // Our wrapper is written once per round, before we first offer it.
    if (wrappers_[t].field.load() == 0) wrappers_[t].field.store(field_value(t));
    python_object* mine = reinterpret_cast<python_object*>(&wrappers_[t]);
    python_object* installed = slot_->init(self, mine, interpreter_status::maybe_uninitialized);
    if (installed == mine) slot_->set_owns(true);
    got(t, installed);
  }

  void got(unsigned t, python_object* wrapper) {
    int creator = -1;
    for (unsigned i = 0; i < threads_; ++i) {
      if (wrapper == reinterpret_cast<python_object*>(&wrappers_[i])) creator = static_cast<int>(i);
    }
    std_sync::assert_that(creator >= 0, "owner_tag mix: a wrapper is one that a thread created");
    const auto c = static_cast<unsigned>(creator);
    std_sync::assert_that(interpreter_of(c) == interpreter_of(t), "owner_tag mix: a thread gets a wrapper made by its own interpreter");
    std_sync::assert_that(wrappers_[c].field.load() == field_value(c),
                          "owner_tag mix: the wrapper's field is visible to whoever gets it");
    seen_[t].wrappers.push_back(wrapper);
  }

  static void count_decref(const interpreter& self, python_object* object) {
    auto* mix = static_cast<owner_tag_mix*>(self.user_data);
    ++mix->decref_count_;
    mix->decref_object_ = object;
  }

  unsigned threads_;
  interpreter interpreters_[2] = {};
  std::vector<scenarios::wrapper_object<std_sync>> wrappers_;
  std::vector<observations> seen_;  // per thread
  int decref_count_ = 0;            // after_round only
  python_object* decref_object_ = nullptr;
  gil_set<std_sync, C> gil_;
  std::optional<scenarios::owner_tag_of<std_sync, V>> slot_;
};

}  // namespace ordercheck::stress_only
