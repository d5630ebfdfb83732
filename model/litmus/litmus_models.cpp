// The litmus tests' Relacy models (see litmus_test.cpp for the table).
// Standard and library headers first: Relacy defines `new`, `delete` and `$`.
#include "litmus_models.hpp"

#include "history_stream.hpp"
#include "relacy_sync.hpp"  // then Relacy

namespace ordercheck::litmus {
namespace {

// Outcomes of one litmus test, collected across Relacy's executions in a
// plain global (no STL container: Relacy's allocator is live inside the
// simulation); after() records each execution's outcome as a bit.
struct outcome_set {
  std::array<bool, 64> seen{};
  void clear() { seen.fill(false); }
};
outcome_set& outcomes() {
  static outcome_set set;
  return set;
}

history_stream& output() {
  static history_stream stream;
  return stream;
}

template <class Test>
litmus_outcomes run() {
  outcomes().clear();
  output().clear();
  rl::test_params params;
  params.search_type = rl::sched_full;
  params.output_stream = &output();
  params.progress_stream = &output();
  litmus_outcomes result;
  result.completed = rl::simulate<Test>(params);
  result.report = output().text();
  result.seen = outcomes().seen;
  return result;
}

// ---- SB: store buffering --------------------------------------------------
template <rl::memory_order Order>
struct store_buffering : rl::test_suite<store_buffering<Order>, 2> {
  rl::atomic<int> x, y;
  int r0 = -1, r1 = -1;
  void before() {
    x($).store(0, rl::mo_relaxed);
    y($).store(0, rl::mo_relaxed);
  }
  void thread(unsigned i) {
    if (i == 0) {
      x($).store(1, Order);
      r0 = y($).load(Order);
    } else {
      y($).store(1, Order);
      r1 = x($).load(Order);
    }
  }
  void after() { outcomes().seen[pair(r0, r1)] = true; }
};



// ---- MP: message passing --------------------------------------------------
template <rl::memory_order Store, rl::memory_order Load>
struct message_passing : rl::test_suite<message_passing<Store, Load>, 2> {
  rl::atomic<int> data, flag;
  int seen_flag = -1, seen_data = -1;
  void before() {
    data($).store(0, rl::mo_relaxed);
    flag($).store(0, rl::mo_relaxed);
  }
  void thread(unsigned i) {
    if (i == 0) {
      data($).store(1, rl::mo_relaxed);
      flag($).store(1, Store);
    } else {
      seen_flag = flag($).load(Load);
      seen_data = data($).load(rl::mo_relaxed);
    }
  }
  void after() { outcomes().seen[pair(seen_flag, seen_data)] = true; }
};



// ---- LB: load buffering ---------------------------------------------------
struct load_buffering : rl::test_suite<load_buffering, 2> {
  rl::atomic<int> x, y;
  int r0 = -1, r1 = -1;
  void before() {
    x($).store(0, rl::mo_relaxed);
    y($).store(0, rl::mo_relaxed);
  }
  void thread(unsigned i) {
    if (i == 0) {
      r0 = x($).load(rl::mo_relaxed);
      y($).store(1, rl::mo_relaxed);
    } else {
      r1 = y($).load(rl::mo_relaxed);
      x($).store(1, rl::mo_relaxed);
    }
  }
  void after() { outcomes().seen[pair(r0, r1)] = true; }
};



// ---- IRIW: independent reads of independent writes ------------------------
struct independent_reads : rl::test_suite<independent_reads, 4> {
  rl::atomic<int> x, y;
  int a = -1, b = -1, c = -1, d = -1;
  void before() {
    x($).store(0, rl::mo_relaxed);
    y($).store(0, rl::mo_relaxed);
  }
  void thread(unsigned i) {
    switch (i) {
      case 0: x($).store(1, rl::mo_release); break;
      case 1: y($).store(1, rl::mo_release); break;
      case 2:
        a = x($).load(rl::mo_acquire);
        b = y($).load(rl::mo_acquire);
        break;
      case 3:
        c = y($).load(rl::mo_acquire);
        d = x($).load(rl::mo_acquire);
        break;
    }
  }
  // Bit 0: the readers disagree (one saw x before y, the other y before x).
  void after() {
    if (a == 1 && b == 0 && c == 1 && d == 0) outcomes().seen[0] = true;
  }
};

// ---- CoRR: read-read coherence --------------------------------------------
struct coherence_read_read : rl::test_suite<coherence_read_read, 2> {
  rl::atomic<int> x;
  int r0 = -1, r1 = -1;
  void before() { x($).store(0, rl::mo_relaxed); }
  void thread(unsigned i) {
    if (i == 0) {
      x($).store(1, rl::mo_relaxed);
      x($).store(2, rl::mo_relaxed);
    } else {
      r0 = x($).load(rl::mo_relaxed);
      r1 = x($).load(rl::mo_relaxed);
    }
  }
  void after() { outcomes().seen[pair(r0, r1)] = true; }
};

// ---- 2+2W: two writers, two locations ------------------------------------
struct two_plus_two_writes : rl::test_suite<two_plus_two_writes, 2> {
  rl::atomic<int> x, y;
  void before() {
    x($).store(0, rl::mo_relaxed);
    y($).store(0, rl::mo_relaxed);
  }
  void thread(unsigned i) {
    if (i == 0) {
      x($).store(1, rl::mo_relaxed);
      y($).store(2, rl::mo_relaxed);
    } else {
      y($).store(1, rl::mo_relaxed);
      x($).store(2, rl::mo_relaxed);
    }
  }
  // The final values, read after both threads (coherence-last stores).
  void after() { outcomes().seen[pair(x($).load(rl::mo_relaxed), y($).load(rl::mo_relaxed))] = true; }
};

// ---- WRC: write-to-read causality -----------------------------------------
struct write_read_causality : rl::test_suite<write_read_causality, 3> {
  rl::atomic<int> x, y;
  int r0 = -1, r1 = -1, r2 = -1;
  void before() {
    x($).store(0, rl::mo_relaxed);
    y($).store(0, rl::mo_relaxed);
  }
  void thread(unsigned i) {
    if (i == 0) {
      x($).store(1, rl::mo_release);
    } else if (i == 1) {
      r0 = x($).load(rl::mo_acquire);
      y($).store(1, rl::mo_release);
    } else {
      r1 = y($).load(rl::mo_acquire);
      r2 = x($).load(rl::mo_acquire);
    }
  }
  void after() {
    if (r0 == 1 && r1 == 1) outcomes().seen[static_cast<unsigned>(r2)] = true;
  }
};

}  // namespace

litmus_outcomes explore(litmus_test test) {
  switch (test) {
    case litmus_test::store_buffering_relaxed: return run<store_buffering<rl::mo_relaxed>>();
    case litmus_test::store_buffering_seq_cst: return run<store_buffering<rl::mo_seq_cst>>();
    case litmus_test::message_passing_relaxed: return run<message_passing<rl::mo_relaxed, rl::mo_relaxed>>();
    case litmus_test::message_passing_release_acquire:
      return run<message_passing<rl::mo_release, rl::mo_acquire>>();
    case litmus_test::load_buffering_relaxed: return run<load_buffering>();
    case litmus_test::independent_reads_acquire: return run<independent_reads>();
    case litmus_test::coherence_read_read: return run<coherence_read_read>();
    case litmus_test::two_plus_two_writes_relaxed: return run<two_plus_two_writes>();
    case litmus_test::write_read_causality_release_acquire: return run<write_read_causality>();
  }
  return {};
}

}  // namespace ordercheck::litmus
