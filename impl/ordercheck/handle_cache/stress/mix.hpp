// handle_cache mix: settings.threads threads of two interpreters (thread t
// belongs to interpreter_of(t): A, A, B, A, A, B, ...) each call ptr_or several times per round on
// one fresh cache; slow() makes the calling thread's own handle (once) and
// writes its field first.
//
// Checked in every call: the result is a handle that slow() made for the
// caller's interpreter, with its field visible. Checked after every round:
// one tag at most (at most one interpreter gets a cached handle back; the
// other gets its slow() result), and the cached value equals a value slow()
// returned to a thread of the owning interpreter.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "ordercheck/scenarios/handle_cache_scenarios.hpp"
#include "ordercheck/sync/std_sync.hpp"

namespace ordercheck::stress_only {

template <variant V, contract C>
class handle_cache_mix {
 public:
  static constexpr unsigned calls_per_thread = 6;

  explicit handle_cache_mix(unsigned threads) : threads_(threads), handles_(threads), made_(threads) {
    interpreters_[0].name = "A";
    interpreters_[1].name = "B";
  }

  void before_round(std::uint64_t) {
    cache_.emplace();
    for (unsigned t = 0; t < threads_; ++t) {
      handles_[t].field.store(0);
      made_[t] = 0;
    }
  }

  template <class Context>
  void run_thread(Context& context) {
    const unsigned t = context.thread();
    const unsigned interpreter_index = interpreter_of(t);
    const interpreter* self = &interpreters_[interpreter_index];
    for (unsigned call = 0; call < calls_per_thread; ++call) {
      context.pause();
      context.doing("ptr_or");
      python_object* result = gil_.with(interpreter_index, [&] {
        return cache_->ptr_or(self, [&] { return slow(t, interpreter_index); });
      });
      context.doing("checking the handle");
      const int creator = creator_of(result);
      std_sync::assert_that(creator >= 0, "handle_cache mix: ptr_or returns a handle that slow() made");
      std_sync::assert_that(interpreter_of(static_cast<unsigned>(creator)) == interpreter_index,
                            "handle_cache mix: ptr_or returns a handle made for the caller's interpreter");
      std_sync::assert_that(handles_[static_cast<unsigned>(creator)].field.load() == field_value(creator),
                            "handle_cache mix: the handle's field is visible to whoever gets it");
    }
  }

  void after_round(std::uint64_t) {
    int cached_for = -1;
    for (unsigned i = 0; i < 2; ++i) {
      python_object* result = cache_->ptr_or(&interpreters_[i], [&] { return main_handle(); });
      if (result == main_handle()) continue;  // not the owner: slow() answered
      std_sync::assert_that(cached_for < 0, "handle_cache mix: one tag at most (two interpreters hit the cache)");
      cached_for = static_cast<int>(i);
      const int creator = creator_of(result);
      std_sync::assert_that(creator >= 0 && interpreter_of(static_cast<unsigned>(creator)) == i && made_[static_cast<unsigned>(creator)],
                            "handle_cache mix: the cached value equals what slow() returned to the owner");
    }
    cache_.reset();
  }

 private:
  // Two threads of A for each thread of B, so that even two threads race
  // within one interpreter (the defects need two threads of one interpreter).
  static unsigned interpreter_of(unsigned thread) { return thread % 3 == 2 ? 1 : 0; }

  static int field_value(int creator) { return 1000 + creator; }

  python_object* slow(unsigned t, unsigned interpreter_index) {
    return gil_.released_in_slow_path(interpreter_index, [&] {
      if (!made_[t]) {
        handles_[t].field.store(field_value(static_cast<int>(t)));
        made_[t] = 1;  // this thread's own bookkeeping
      }
      return reinterpret_cast<python_object*>(&handles_[t]);
    });
  }

  python_object* main_handle() { return reinterpret_cast<python_object*>(&main_handle_); }

  int creator_of(python_object* object) {
    for (unsigned i = 0; i < threads_; ++i) {
      if (object == reinterpret_cast<python_object*>(&handles_[i])) return static_cast<int>(i);
    }
    return -1;
  }

  unsigned threads_;
  interpreter interpreters_[2] = {};
  std::vector<scenarios::handle_object<std_sync>> handles_;
  std::vector<char> made_;  // per thread; char, not bool, so threads never share a word
  scenarios::handle_object<std_sync> main_handle_;
  gil_set<std_sync, C> gil_;
  std::optional<scenarios::handle_cache_of<std_sync, V>> cache_;
};

}  // namespace ordercheck::stress_only
