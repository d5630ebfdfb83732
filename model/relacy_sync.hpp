// relacy_sync: the model-checking sync policy, mirror of impl/ordercheck/sync/std_sync.hpp.
//
// Every primitive in impl/ is a template on a sync policy; instantiated with
// relacy_sync it runs inside Relacy Race Detector's simulated threads under the
// C++11 relaxed memory model. Three things differ from std_sync:
//
//  1. Call sites are captured where they stand in impl/. Each operation takes
//     defaulted `__builtin_FUNCTION()/__builtin_FILE()/__builtin_LINE()`
//     arguments, evaluated at the caller, and forwards them to Relacy as
//     rl::debug_info, so Relacy's history names lines of impl/, not of this file.
//  2. Each atomic call site (file:line plus operation) is looked up in the
//     order override table (site_overrides) before its declared order is used.
//     That is how ordering mutation works without a rebuild.
//  3. Each atomic call site that runs is recorded (site_registry), so tools can
//     tell which sites the models reach.
//
// Initial values agree with std_sync: a default-constructed atomic<T> or
// plain<T> holds T{} (model/calibration/default_values_test.cpp checks both).
//
// Include order: standard headers first, then <relacy/relacy.hpp> (which
// redefines new/delete as macros), then this file, then the impl/ headers.
//
// Memory ordering: none of its own; each call site's order is the declared one
// unless the override table replaces it.
#pragma once

// Standard headers that impl/ uses must come before Relacy's new/delete macros.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

#include "ordercheck/sync/assertion_failure.hpp"

#include <relacy/relacy.hpp>

#include "call_site.hpp"

namespace ordercheck {

// rl::atomic cannot hold a pointer to const; such atomics hold the pointer
// without const and give it back with const.
template <class T>
struct relacy_atomic_storage {
  using type = T;
  static type in(T value) { return value; }
  static T out(type value) { return value; }
};
template <class T>
struct relacy_atomic_storage<const T*> {
  using type = T*;
  static type in(const T* value) { return const_cast<T*>(value); }
  static const T* out(type value) { return value; }
};

struct relacy_sync {
  using memory_order = rl::memory_order;
  static constexpr memory_order relaxed = rl::mo_relaxed;
  static constexpr memory_order acquire = rl::mo_acquire;
  static constexpr memory_order release = rl::mo_release;
  static constexpr memory_order acq_rel = rl::mo_acq_rel;
  static constexpr memory_order seq_cst = rl::mo_seq_cst;

  // The order actually used at a site: the override table's, else the declared one.
  static memory_order effective(site_operation op, memory_order declared, const char* file,
                                unsigned line) {
    const memory_order order = from_order_name(
        site_overrides::lookup(file, line, op, order_name(declared)), declared);
    site_registry::record(file, line, op, order_name(declared));
    return order;
  }

  template <class T>
  class atomic {
    using storage = relacy_atomic_storage<T>;

   public:
    // Value-initialised, as std_sync's std::atomic<T> is since C++20: a
    // primitive that relies on the zero behaves alike under both policies.
    // Relacy records it as a relaxed store by the constructing thread.
    atomic() : value_(storage::in(T{})) {}
    atomic(T initial) : value_(storage::in(initial)) {}  // NOLINT: mirrors std::atomic's converting constructor

    T load(memory_order order, const char* fn = __builtin_FUNCTION(),
           const char* file = __builtin_FILE(), unsigned line = __builtin_LINE()) const {
      return storage::out(value_.load(effective(site_operation::load, order, file, line),
                                      rl::debug_info(fn, file, line)));
    }
    void store(T value, memory_order order, const char* fn = __builtin_FUNCTION(),
               const char* file = __builtin_FILE(), unsigned line = __builtin_LINE()) {
      value_.store(storage::in(value), effective(site_operation::store, order, file, line),
                   rl::debug_info(fn, file, line));
    }
    T exchange(T value, memory_order order, const char* fn = __builtin_FUNCTION(),
               const char* file = __builtin_FILE(), unsigned line = __builtin_LINE()) {
      return storage::out(value_.exchange(storage::in(value),
                                          effective(site_operation::exchange, order, file, line),
                                          rl::debug_info(fn, file, line)));
    }
    template <class U>
    T fetch_add(U value, memory_order order, const char* fn = __builtin_FUNCTION(),
                const char* file = __builtin_FILE(), unsigned line = __builtin_LINE()) {
      return value_.fetch_add(value, effective(site_operation::fetch_add, order, file, line),
                              rl::debug_info(fn, file, line));
    }
    template <class U>
    T fetch_sub(U value, memory_order order, const char* fn = __builtin_FUNCTION(),
                const char* file = __builtin_FILE(), unsigned line = __builtin_LINE()) {
      return value_.fetch_sub(value, effective(site_operation::fetch_sub, order, file, line),
                              rl::debug_info(fn, file, line));
    }
    T fetch_or(T value, memory_order order, const char* fn = __builtin_FUNCTION(),
               const char* file = __builtin_FILE(), unsigned line = __builtin_LINE()) {
      return value_.fetch_or(value, effective(site_operation::fetch_or, order, file, line),
                             rl::debug_info(fn, file, line));
    }
    T fetch_and(T value, memory_order order, const char* fn = __builtin_FUNCTION(),
                const char* file = __builtin_FILE(), unsigned line = __builtin_LINE()) {
      return value_.fetch_and(value, effective(site_operation::fetch_and, order, file, line),
                              rl::debug_info(fn, file, line));
    }
    bool compare_exchange_strong(T& expected, T desired, memory_order success,
                                 memory_order failure, const char* fn = __builtin_FUNCTION(),
                                 const char* file = __builtin_FILE(),
                                 unsigned line = __builtin_LINE()) {
      const memory_order on_success =
          effective(site_operation::compare_exchange, success, file, line);
      memory_order on_failure =
          effective(site_operation::compare_exchange_failure, failure, file, line);
      // C++ forbids a failure order stronger than the success order's load part
      // (and release/acq_rel on failure). A mutant that weakens the success
      // order weakens the failure order with it, as a compiler would require.
      on_failure = clamp_failure(on_success, on_failure);
      rl::debug_info info(fn, file, line);
      typename storage::type seen = storage::in(expected);
      const bool swapped = value_.compare_exchange_strong(seen, storage::in(desired), on_success,
                                                          info, on_failure, info);
      expected = storage::out(seen);
      return swapped;
    }

   private:
    rl::atomic<typename storage::type> value_;
  };

  template <class T>
  class plain {
   public:
    // Value-initialised, as std_sync's plain<T> is (see atomic() above).
    plain() : value_(T{}) {}
    explicit plain(T initial) : value_(initial) {}

    T load(const char* fn = __builtin_FUNCTION(), const char* file = __builtin_FILE(),
           unsigned line = __builtin_LINE()) const {
      return value_(rl::debug_info(fn, file, line)).load();
    }
    void store(T value, const char* fn = __builtin_FUNCTION(), const char* file = __builtin_FILE(),
               unsigned line = __builtin_LINE()) {
      // Relacy logs a racing store with a placeholder value (T()), because
      // the store never happens; the value it was going to write is logged
      // first, for the report (model/history_parser.cpp pairs the two).
      log_store_intent(value, rl::debug_info(fn, file, line));
      value_(rl::debug_info(fn, file, line)).store(value);
    }

   private:
    void log_store_intent(T value, const rl::debug_info& info) {
      if (!rl::ctx().collecting_history()) return;
      char text[96];
      if constexpr (std::is_pointer_v<T>) {
        if (value == nullptr) {
          std::snprintf(text, sizeof text, "store intent, value=0");
        } else {
          std::snprintf(text, sizeof text, "store intent, value=%p", reinterpret_cast<const void*>(value));
        }
      } else if constexpr (std::is_same_v<T, bool>) {
        std::snprintf(text, sizeof text, "store intent, value=%d", value ? 1 : 0);
      } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
        std::snprintf(text, sizeof text, "store intent, value=%lld", static_cast<long long>(value));
      } else if constexpr (std::is_integral_v<T> || std::is_enum_v<T>) {
        std::snprintf(text, sizeof text, "store intent, value=%llu",
                      static_cast<unsigned long long>(value));
      } else {
        return;  // Relacy cannot print it either
      }
      rl::ctx().exec_log_msg(info, text);
    }

   private:
    rl::var<T> value_;
  };

  class mutex {
   public:
    void lock(const char* fn = __builtin_FUNCTION(), const char* file = __builtin_FILE(),
              unsigned line = __builtin_LINE()) {
      mutex_.lock(rl::debug_info(fn, file, line));
    }
    void unlock(const char* fn = __builtin_FUNCTION(), const char* file = __builtin_FILE(),
                unsigned line = __builtin_LINE()) {
      mutex_.unlock(rl::debug_info(fn, file, line));
    }

   private:
    rl::mutex mutex_;
  };

  // One bool per simulated thread and Tag. Relacy runs many executions in one
  // process: the model driver calls clear_thread_flags() before each one,
  // which clears every Tag's flags without naming any (each Tag's array is
  // registered when the Tag is first used; before that it is all false).
  static constexpr unsigned max_threads = 16;
  static constexpr unsigned max_flag_tags = 16;
  template <class Tag>
  class thread_flag {
   public:
    static bool get() { return values()[rl::ctx().current_thread()]; }
    static void set(bool value) { values()[rl::ctx().current_thread()] = value; }
    static void clear() {
      for (unsigned i = 0; i < max_threads; ++i) values()[i] = false;
    }

   private:
    static bool* values() {
      static bool flags[max_threads] = {};
      static const bool registered = register_thread_flags(flags);
      static_cast<void>(registered);
      return flags;
    }
  };

  // Clears the flags of every Tag used so far.
  static void clear_thread_flags() {
    for (unsigned t = 0; t < flag_tag_count(); ++t) {
      for (unsigned i = 0; i < max_threads; ++i) flag_arrays()[t][i] = false;
    }
  }

 private:
  static bool** flag_arrays() {
    static bool* arrays[max_flag_tags] = {};
    return arrays;
  }
  static unsigned& flag_tag_count() {
    static unsigned count = 0;
    return count;
  }
  // Aborts past max_flag_tags Tags (raise it): a flag left set would leak
  // from one execution into the next.
  static bool register_thread_flags(bool* flags) {
    if (flag_tag_count() == max_flag_tags) std::abort();
    flag_arrays()[flag_tag_count()++] = flags;
    return true;
  }

 public:

  static void pause(const char* fn = __builtin_FUNCTION(), const char* file = __builtin_FILE(),
                    unsigned line = __builtin_LINE()) {
    rl::yield(1, rl::debug_info(fn, file, line));
  }
  static void fence(memory_order order, const char* fn = __builtin_FUNCTION(),
                    const char* file = __builtin_FILE(), unsigned line = __builtin_LINE()) {
    rl::atomic_thread_fence(effective(site_operation::fence, order, file, line),
                            rl::debug_info(fn, file, line));
  }

  // Names the heap object at `object` in the report ("buffer" instead of
  // object#2): logged in the history, which the parser reads.
  static void name_object(const void* object, const char* name, const char* fn = __builtin_FUNCTION(),
                          const char* file = __builtin_FILE(), unsigned line = __builtin_LINE()) {
    if (!rl::ctx().collecting_history()) return;
    char text[160];
    std::snprintf(text, sizeof text, "object name: addr=%p, name=%s", object, name);
    rl::ctx().exec_log_msg(rl::debug_info(fn, file, line), text);
  }

  // How a failed assert_that is reported. fail_execution (the default, for
  // the model cells): the execution fails as Relacy's "user assert failed",
  // with `message` in the report. throw_exception: it throws
  // assertion_failure as std_sync does, for drivers whose sequential model
  // predicts some assertions (the properties layer's Relacy mode catches it
  // inside the simulated thread and records it as an observation).
  enum class assertion_mode { fail_execution, throw_exception };
  static assertion_mode& assertions() {
    static assertion_mode mode = assertion_mode::fail_execution;
    return mode;
  }

  // An internal assertion, reported as assertions() says.
  static void assert_that(bool condition, const char* message,
                          const char* fn = __builtin_FUNCTION(), const char* file = __builtin_FILE(),
                          unsigned line = __builtin_LINE()) {
    if (condition) return;
    if (assertions() == assertion_mode::throw_exception) throw assertion_failure(message);
    rl::ctx().fail_test(message, rl::test_result_user_assert_failed, rl::debug_info(fn, file, line));
  }

  static memory_order from_order_name(const char* name, memory_order fallback) {
    if (name == nullptr) return fallback;
    if (std::strcmp(name, "relaxed") == 0) return rl::mo_relaxed;
    if (std::strcmp(name, "acquire") == 0) return rl::mo_acquire;
    if (std::strcmp(name, "release") == 0) return rl::mo_release;
    if (std::strcmp(name, "acq_rel") == 0) return rl::mo_acq_rel;
    if (std::strcmp(name, "seq_cst") == 0) return rl::mo_seq_cst;
    return fallback;
  }
  static const char* order_name(memory_order order) {
    switch (order) {
      case rl::mo_relaxed: return "relaxed";
      case rl::mo_consume: return "consume";
      case rl::mo_acquire: return "acquire";
      case rl::mo_release: return "release";
      case rl::mo_acq_rel: return "acq_rel";
      case rl::mo_seq_cst: return "seq_cst";
    }
    return "seq_cst";
  }
  static memory_order clamp_failure(memory_order success, memory_order failure) {
    memory_order strongest = rl::mo_relaxed;  // the load part of `success`
    if (success == rl::mo_acquire || success == rl::mo_acq_rel) strongest = rl::mo_acquire;
    if (success == rl::mo_seq_cst) strongest = rl::mo_seq_cst;
    if (failure == rl::mo_release) failure = rl::mo_relaxed;
    if (failure == rl::mo_acq_rel) failure = rl::mo_acquire;
    auto rank = [](memory_order o) {
      return o == rl::mo_relaxed ? 0 : o == rl::mo_seq_cst ? 2 : 1;
    };
    return rank(failure) > rank(strongest) ? strongest : failure;
  }
};

}  // namespace ordercheck
