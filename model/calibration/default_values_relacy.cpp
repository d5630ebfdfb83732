// Initial values under relacy_sync: every policy type default-constructs to
// T{} inside a simulated thread, and reading it is not an uninitialized
// access (default_values_test.cpp asserts it). Relacy tracks initialisation
// itself, not through the bytes: the calibration probe uninitialized_read
// shows it reports a read of an rl::var no one stored to.
#include <type_traits>

#include "default_value_types.hpp"
#include "relacy_engine.hpp"  // relacy_sync, then Relacy

namespace ordercheck::calibration {
namespace {

using sync = relacy_sync;
struct some_tag {};

template <class... T>
struct default_constructs_everything {
  static constexpr unsigned thread_count = 2;
  void before() {}
  void after() {}
  void thread(unsigned index) {
    if (index != 0) return;
    (check_one<T>(), ...);
    sync::mutex mutex;  // a default mutex can be locked (Relacy checks its use)
    mutex.lock();
    mutex.unlock();
    sync::assert_that(!sync::thread_flag<some_tag>::get(), "a thread_flag starts false");
  }
  template <class U>
  static void check_one() {
    // Relacy's rl::atomic cannot hold a function pointer (impl/ keeps them in
    // plain<T> only), so those are checked as plain<T> alone.
    if constexpr (!std::is_function_v<std::remove_pointer_t<U>>) {
      sync::atomic<U> atomic;
      sync::assert_that(atomic.load(sync::relaxed) == U{}, "a default atomic<T> holds T{}");
    }
    sync::plain<U> plain;
    sync::assert_that(plain.load() == U{}, "a default plain<T> holds T{}");
  }
};

}  // namespace

model::engine_outcome run_relacy_default_values() {
  model::run_settings settings;
  settings.scheduler = model::scheduler_kind::full;
  return model::run_in_relacy<default_constructs_everything<ORDERCHECK_DEFAULT_VALUE_TYPES>>(settings);
}

}  // namespace ordercheck::calibration
