// Writes the Relacy output that history_parser_test.cpp reads: one small
// program per fact the parser must get right (a racing load whose partner is
// an earlier store, a racing store's value, fences, a double free, an
// uninitialized read). Run it by hand when Relacy's output format changes:
//
//   history_capture <dir>      (writes <dir>/<name>.txt; the source directory
//                               is replaced by /src so the files do not depend
//                               on where the repository is)
//
// Each program is run with the random scheduler from seed 1 up until its
// failure's history has the shape the test needs (`wanted`), so the capture
// is the same on every run but for the addresses (ASLR): the *_rerun.txt
// files are a second run's, for the test that reports do not depend on them.
#include <fstream>
#include <functional>
#include <iostream>
#include <string>

#include "history_stream.hpp"
#include "relacy_sync.hpp"  // then Relacy

#ifndef ORDERCHECK_SOURCE_DIR
#define ORDERCHECK_SOURCE_DIR ""
#endif

namespace ordercheck {
namespace {

using S = relacy_sync;

// Thread 1 stores, then publishes with release; thread 0 acquires and reads
// (ordered after the store); thread 2 reads without synchronizing: its load
// races thread 1's store, not thread 0's (later, non-conflicting) load.
struct racing_load : rl::test_suite<racing_load, 3> {
  S::plain<int> data{0};
  S::atomic<int> ready{0};
  void thread(unsigned index) {
    if (index == 1) {
      data.store(7);
      ready.store(1, S::release);
    } else if (index == 0) {
      if (ready.load(S::acquire) == 1) (void)data.load();
    } else {
      S::pause();
      (void)data.load();
    }
  }
};

// Two unsynchronized stores of -1 and 5: the racing store's value is the one
// it was going to write, not Relacy's placeholder 0.
struct racing_store : rl::test_suite<racing_store, 2> {
  S::plain<int> data{0};
  void thread(unsigned index) { data.store(index == 0 ? -1 : 5); }
};

// Message passing through fences, with the writer's fence weakened to
// acquire: the reader's load races; both fences must show their order.
struct weak_fence : rl::test_suite<weak_fence, 2> {
  S::plain<int> data{0};
  S::atomic<int> ready{0};
  void thread(unsigned index) {
    if (index == 0) {
      data.store(1);
      S::fence(S::acquire);  // should be release
      ready.store(1, S::relaxed);
    } else if (ready.load(S::relaxed) == 1) {
      S::fence(S::acquire);
      (void)data.load();
    }
  }
};

// Both threads free the same heap object, which the scenario names.
struct double_free : rl::test_suite<double_free, 2> {
  int* shared = nullptr;
  void before() {
    shared = new int(1);
    S::name_object(shared, "shared int");
  }
  void thread(unsigned) { delete shared; }
};

// Thread 1 reads a field of a heap object thread 0 may already have freed.
struct use_after_free : rl::test_suite<use_after_free, 2> {
  struct box {
    S::plain<int> value{1};
  };
  box* shared = nullptr;
  void before() {
    shared = new box;
    S::name_object(shared, "box");
  }
  void thread(unsigned index) {
    if (index == 0) {
      delete shared;
    } else {
      (void)shared->value.load();
    }
  }
};

// A plain variable read before anything wrote it.
struct uninitialized_read : rl::test_suite<uninitialized_read, 2> {
  S::plain<int> data;
  void thread(unsigned index) {
    if (index == 1) (void)data.load();
  }
};

history_stream& output() {
  static history_stream stream;
  return stream;
}

template <class Test>
std::string capture(const std::function<bool(const std::string&)>& wanted) {
  for (unsigned long long seed = 1; seed < 2000; ++seed) {
    output().clear();
    rl::test_params params;
    params.search_type = rl::sched_random;
    params.output_stream = &output();
    params.progress_stream = &output();
    const std::string start = std::to_string(seed * 1000 + 1);
    params.initial_state = start.c_str();
    params.iteration_count = seed * 1000 + 1000;
    if (rl::simulate<Test>(params)) continue;
    std::string text = output().text();
    if (!wanted(text)) continue;
    const std::string root = ORDERCHECK_SOURCE_DIR;
    for (auto at = text.find(root); !root.empty() && at != std::string::npos; at = text.find(root, at)) {
      text.replace(at, root.size(), "/src");
    }
    return text;
  }
  return {};
}

bool write(const std::string& dir, const std::string& name, const std::string& text) {
  if (text.empty()) {
    std::cerr << "history_capture: no wanted history for " << name << "\n";
    return false;
  }
  std::ofstream(dir + "/" + name + ".txt") << text;
  return true;
}

// Thread 0's acquire-ordered load comes between thread 1's store and thread
// 2's racing load.
bool load_between(const std::string& text) {
  const auto history = text.find("execution history");
  const auto failure = text.find("DATA RACE", history);
  const auto read = text.find("> load, value=7", history);
  if (history == std::string::npos || read == std::string::npos || read > failure) return false;
  const auto line = text.rfind('\n', read);
  return text.compare(text.find("] ", line) + 2, 2, "0:") == 0;
}

bool any(const std::string&) { return true; }

// Relacy's use-after-free report, not a data race on the freed field.
bool freed_access(const std::string& text) { return text.find("ACCESS TO FREED MEMORY") != std::string::npos; }


}  // namespace
}  // namespace ordercheck

int main(int argc, char** argv) {
  using namespace ordercheck;
  if (argc != 2) {
    std::cerr << "usage: history_capture <directory>\n";
    return 2;
  }
  const std::string dir = argv[1];
  bool ok = write(dir, "racing_load", capture<racing_load>(load_between));
  ok = write(dir, "racing_store", capture<racing_store>(any)) && ok;
  ok = write(dir, "weak_fence", capture<weak_fence>(any)) && ok;
  ok = write(dir, "double_free", capture<double_free>(any)) && ok;
  ok = write(dir, "uninitialized_read", capture<uninitialized_read>(any)) && ok;
  ok = write(dir, "use_after_free", capture<use_after_free>(freed_access)) && ok;
  return ok ? 0 : 1;
}
