// The calibration probes (see calibration_test.cpp for the table). Each is a
// scenario as the model cells' are: thread_count, before(), thread(i), after().
// Standard and library headers first: Relacy defines `new`, `delete` and `$`.
#include "defect_probes.hpp"

#include "relacy_engine.hpp"  // relacy_sync, then Relacy

namespace ordercheck::model::calibration {
namespace {

using sync = relacy_sync;

struct holds_atomic {
  sync::atomic<int> counter{0};
};
struct holds_plain {
  sync::plain<int> value{0};
};

// A second thread that does nothing: run_in_relacy rejects one-thread
// scenarios (relacy_engine.hpp says why); every probe's defect is in thread 0.
// The probes reach a deleted object through a volatile copy of the pointer,
// as a real defect reaches it through another reference: through the same
// variable, g++ sees the use after delete at compile time (-Wuse-after-free).
struct idle_second_thread {
  static constexpr unsigned thread_count = 2;
  void before() {}
  void after() {}
};

struct data_race_on_plain : idle_second_thread {
  sync::plain<int> value{0};
  void thread(unsigned index) { value.store(static_cast<int>(index) + 1); }
};

struct use_after_free_atomic : idle_second_thread {
  void thread(unsigned index) {
    if (index != 0) return;
    holds_atomic* object = new holds_atomic;
    holds_atomic* const volatile other_reference = object;  // the compiler cannot see it is `object`
    object->counter.store(1, sync::relaxed);
    delete object;
    other_reference->counter.fetch_add(1, sync::relaxed);  // the defect
  }
};

struct use_after_free_plain : idle_second_thread {
  void thread(unsigned index) {
    if (index != 0) return;
    holds_plain* object = new holds_plain;
    holds_plain* const volatile other_reference = object;  // the compiler cannot see it is `object`
    object->value.store(1);
    delete object;
    other_reference->value.store(2);  // the defect
  }
};

struct double_free : idle_second_thread {
  void thread(unsigned index) {
    if (index != 0) return;
    int* object = new int(1);
    int* const volatile other_reference = object;  // the compiler cannot see it is `object`
    delete object;
    delete other_reference;  // the defect
  }
};

struct leak : idle_second_thread {
  int* kept = nullptr;
  void thread(unsigned index) {
    if (index == 0) kept = new int(1);  // the defect: never deleted
  }
};

struct uninitialized_read : idle_second_thread {
  rl::var<int> value;  // no initial value: relacy_sync's types always have one
  int seen = 0;
  void thread(unsigned index) {
    if (index == 0) seen = value($).load();  // the defect
  }
};

struct deadlock {
  static constexpr unsigned thread_count = 2;
  sync::mutex first, second;
  void before() {}
  void after() {}
  void thread(unsigned index) {
    sync::mutex& outer = index == 0 ? first : second;
    sync::mutex& inner = index == 0 ? second : first;
    outer.lock();
    inner.lock();  // the defect: opposite orders
    inner.unlock();
    outer.unlock();
  }
};

struct livelock : idle_second_thread {
  sync::atomic<int> flag{0};
  void thread(unsigned index) {
    if (index != 0) return;
    while (flag.load(sync::relaxed) == 0) sync::pause();  // the defect: no one sets it
  }
};

struct failed_assertion : idle_second_thread {
  void thread(unsigned index) {
    if (index == 0) sync::assert_that(false, "calibration: the assertion fails");
  }
};

struct clean {
  static constexpr unsigned thread_count = 2;
  sync::plain<int> data{0};
  sync::atomic<int> ready{0};
  void before() {}
  void after() {}
  void thread(unsigned index) {
    if (index == 0) {
      data.store(1);
      ready.store(1, sync::release);  // publishes data
    } else if (ready.load(sync::acquire) == 1) {  // pairs with the release store
      sync::assert_that(data.load() == 1, "calibration: message passing lost the data");
    }
  }
};

}  // namespace

engine_outcome run_probe(defect_probe probe) {
  run_settings settings;
  settings.scheduler = scheduler_kind::random;
  settings.iterations = 2000;
  switch (probe) {
    case defect_probe::data_race_on_plain: return run_in_relacy<data_race_on_plain>(settings);
    case defect_probe::use_after_free_atomic: return run_in_relacy<use_after_free_atomic>(settings);
    case defect_probe::use_after_free_plain: return run_in_relacy<use_after_free_plain>(settings);
    case defect_probe::double_free: return run_in_relacy<double_free>(settings);
    case defect_probe::leak: return run_in_relacy<leak>(settings);
    case defect_probe::uninitialized_read: return run_in_relacy<uninitialized_read>(settings);
    case defect_probe::deadlock: return run_in_relacy<deadlock>(settings);
    case defect_probe::livelock: return run_in_relacy<livelock>(settings);
    case defect_probe::failed_assertion: return run_in_relacy<failed_assertion>(settings);
    case defect_probe::clean: return run_in_relacy<clean>(settings);
  }
  return {};
}

}  // namespace ordercheck::model::calibration
