// The linearizability checker on histories whose answer is known: classic
// examples from the literature (Herlihy & Wing's queue histories, the stale
// read of an atomic register, new-old inversion) and Porcupine-style keyed
// histories, written as our own data.
#include <gtest/gtest.h>

#include <deque>
#include <optional>

#include "linearizability/checker.hpp"
#include "linearizability/sequential_consistency.hpp"

namespace ordercheck::properties {
namespace {

// A read/write register holding an int (0 at first).
struct register_model {
  struct input {
    bool write;
    int value;  // the value written; unused by reads
  };
  using output = int;  // the value read; unused by writes
  using state = int;
  static state initial() { return 0; }
  static std::size_t hash(const state& s) { return static_cast<std::size_t>(s); }
  static std::optional<state> step(const state& s, const input& in, const output& out) {
    if (in.write) return in.value;
    return out == s ? std::optional<state>(s) : std::nullopt;
  }
};
using register_history = history<register_model::input, register_model::output>;
operation_record<register_model::input, int> write(unsigned thread, int v, std::uint64_t from, std::uint64_t to) {
  return {thread, {true, v}, 0, from, to};
}
operation_record<register_model::input, int> read(unsigned thread, int v, std::uint64_t from, std::uint64_t to) {
  return {thread, {false, 0}, v, from, to};
}

// A FIFO queue of ints; dequeue of an empty queue returns -1.
struct queue_model {
  struct input {
    bool enqueue;
    int value;
  };
  using output = int;
  using state = std::deque<int>;
  static state initial() { return {}; }
  static std::size_t hash(const state& s) {
    std::size_t h = s.size();
    for (int v : s) h = h * 31 + static_cast<std::size_t>(v);
    return h;
  }
  static std::optional<state> step(const state& s, const input& in, const output& out) {
    state next = s;
    if (in.enqueue) {
      next.push_back(in.value);
      return next;
    }
    const int front = next.empty() ? -1 : next.front();
    if (front != out) return std::nullopt;
    if (!next.empty()) next.pop_front();
    return next;
  }
};
using queue_history = history<queue_model::input, queue_model::output>;
operation_record<queue_model::input, int> enq(unsigned thread, int v, std::uint64_t from, std::uint64_t to) {
  return {thread, {true, v}, 0, from, to};
}
operation_record<queue_model::input, int> deq(unsigned thread, int v, std::uint64_t from, std::uint64_t to) {
  return {thread, {false, 0}, v, from, to};
}

// A map of registers by key (Porcupine's key-value tests), partitioned by key.
struct keyed_register_model {
  struct input {
    unsigned key;
    bool write;
    int value;
  };
  using output = int;
  using state = int;
  static state initial() { return 0; }
  static std::size_t hash(const state& s) { return static_cast<std::size_t>(s); }
  static std::optional<unsigned> partition_key(const input& in) { return in.key; }
  static std::optional<state> step(const state& s, const input& in, const output& out) {
    if (in.write) return in.value;
    return out == s ? std::optional<state>(s) : std::nullopt;
  }
};
// The same model, not partitioned: the whole history is searched at once
// (for a register model, only states of the same key matter, so keys must be
// kept apart by the state itself).
struct unpartitioned_keyed_model {
  using input = keyed_register_model::input;
  using output = int;
  using state = std::array<int, 4>;
  static state initial() { return {}; }
  static std::size_t hash(const state& s) { return static_cast<std::size_t>(s[0] + 7 * s[1] + 49 * s[2] + 343 * s[3]); }
  static std::optional<state> step(const state& s, const input& in, const output& out) {
    state next = s;
    if (in.write) {
      next[in.key] = in.value;
      return next;
    }
    return out == s[in.key] ? std::optional<state>(next) : std::nullopt;
  }
};

TEST(Checker, EmptyHistoryIsLinearizable) {
  EXPECT_TRUE(check_linearizable<register_model>({}).linearizable);
}

TEST(Checker, SequentialRegisterHistoryIsLinearizable) {
  register_history h = {write(1, 1, 1, 2), read(1, 1, 3, 4), write(2, 2, 5, 6), read(1, 2, 7, 8)};
  const check_outcome r = check_linearizable<register_model>(h);
  ASSERT_TRUE(r.linearizable);
  EXPECT_EQ(r.linearization, (std::vector<std::size_t>{0, 1, 2, 3}));
}

TEST(Checker, StaleReadAfterCompletedWriteIsNotLinearizable) {
  // write(1) returns at 2; a read invoked at 3 returns the old 0.
  register_history h = {write(1, 1, 1, 2), read(2, 0, 3, 4)};
  const check_outcome r = check_linearizable<register_model>(h);
  EXPECT_FALSE(r.linearizable);
  EXPECT_EQ(r.failing_part.size(), 2u);
}

TEST(Checker, ReadOverlappingWriteMaySeeEitherValue) {
  EXPECT_TRUE(check_linearizable<register_model>({write(1, 1, 1, 4), read(2, 0, 2, 3)}).linearizable);
  EXPECT_TRUE(check_linearizable<register_model>({write(1, 1, 1, 4), read(2, 1, 2, 3)}).linearizable);
}

TEST(Checker, NewOldInversionIsNotLinearizable) {
  // While write(1) is pending, one read sees 1 and a later read sees 0 again.
  register_history h = {write(1, 1, 1, 10), read(2, 1, 2, 3), read(3, 0, 4, 5)};
  EXPECT_FALSE(check_linearizable<register_model>(h).linearizable);
}

TEST(Checker, ReadOfAValueNeverWrittenIsNotLinearizable) {
  EXPECT_FALSE(check_linearizable<register_model>({write(1, 1, 1, 4), read(2, 7, 2, 3)}).linearizable);
}

TEST(Checker, HerlihyWingQueueWithOverlappingEnqueuesIsLinearizable) {
  // A: enq(x) overlaps B: enq(y); then B: deq() -> y. Legal: y's enqueue may
  // take effect first.
  queue_history h = {enq(1, 1, 1, 4), enq(2, 2, 2, 3), deq(2, 2, 5, 6)};
  EXPECT_TRUE(check_linearizable<queue_model>(h).linearizable);
}

TEST(Checker, HerlihyWingQueueOutOfFifoOrderIsNotLinearizable) {
  // enq(x) returns before enq(y) starts; a later deq() -> y violates FIFO.
  queue_history h = {enq(1, 1, 1, 2), enq(2, 2, 3, 4), deq(3, 2, 5, 6)};
  EXPECT_FALSE(check_linearizable<queue_model>(h).linearizable);
}

TEST(Checker, QueueDequeueOverlappingItsEnqueueIsLinearizable) {
  // deq() -> 1 overlaps enq(1); deq() -> -1 (empty) overlaps too: order them
  // empty-deq, enq, deq.
  queue_history h = {enq(1, 1, 1, 6), deq(2, 1, 2, 7), deq(3, -1, 3, 4)};
  EXPECT_TRUE(check_linearizable<queue_model>(h).linearizable);
}

TEST(Checker, QueueValueDequeuedTwiceIsNotLinearizable) {
  queue_history h = {enq(1, 1, 1, 2), deq(2, 1, 3, 6), deq(3, 1, 4, 5)};
  EXPECT_FALSE(check_linearizable<queue_model>(h).linearizable);
}

TEST(Checker, PartitionsByKeyAndReportsTheFailingKey) {
  using in = keyed_register_model::input;
  history<in, int> h = {
      {1, {0, true, 5}, 0, 1, 2},  {2, {1, true, 7}, 0, 3, 4},
      {1, {0, false, 0}, 5, 5, 6},  // key 0: fine
      {2, {1, false, 0}, 0, 7, 8},  // key 1: stale read of 0 after 7 was written
  };
  const check_outcome r = check_linearizable<keyed_register_model>(h);
  ASSERT_FALSE(r.linearizable);
  EXPECT_EQ(r.failing_part, (std::vector<std::size_t>{1, 3}));
  EXPECT_FALSE(check_linearizable<unpartitioned_keyed_model>(h).linearizable);
}

TEST(Checker, ManyConcurrentWritersAreSearchedQuicklyWithMemoisation) {
  // 12 overlapping writes of distinct values, then a read of one of them:
  // without memoisation the search would try 12! orders.
  register_history h;
  for (int i = 0; i < 12; ++i) h.push_back(write(static_cast<unsigned>(i), i + 1, 1 + i, 100 + i));
  h.push_back(read(20, 5, 200, 201));
  const check_outcome r = check_linearizable<register_model>(h);
  EXPECT_TRUE(r.linearizable);
  EXPECT_LT(r.states_visited, 200000u);
  h.back().output = 99;  // never written
  EXPECT_FALSE(check_linearizable<register_model>(h).linearizable);
}

TEST(Checker, LongestPrefixShowsWhereOrdersBreakDown) {
  register_history h = {write(1, 1, 1, 2), read(1, 1, 3, 4), read(2, 0, 5, 6)};
  const check_outcome r = check_linearizable<register_model>(h);
  ASSERT_FALSE(r.linearizable);
  EXPECT_EQ(r.longest_prefix, (std::vector<std::size_t>{0, 1}));
}

// Sequential consistency (the Relacy mode's criterion): program order per
// thread, the prefix (thread 0) first, real time across threads ignored.
using keyed_history = history<unpartitioned_keyed_model::input, int>;
operation_record<unpartitioned_keyed_model::input, int> kwrite(unsigned thread, unsigned key, int v, std::uint64_t at) {
  return {thread, {key, true, v}, 0, at, at + 1};
}
operation_record<unpartitioned_keyed_model::input, int> kread(unsigned thread, unsigned key, int v, std::uint64_t at) {
  return {thread, {key, false, 0}, v, at, at + 1};
}

TEST(SequentialConsistency, StaleReadOnAnotherThreadIsSequentiallyConsistent) {
  // Not linearizable (the read starts after the write returned), but no
  // program order forbids putting the read first.
  register_history h = {write(1, 1, 1, 2), read(2, 0, 3, 4)};
  EXPECT_FALSE(check_linearizable<register_model>(h).linearizable);
  const check_outcome r = check_sequentially_consistent<register_model>(h);
  ASSERT_TRUE(r.linearizable);
  EXPECT_EQ(r.linearization, (std::vector<std::size_t>{1, 0}));
}

TEST(SequentialConsistency, StaleReadOnTheWritersThreadIsNot) {
  register_history h = {write(1, 1, 1, 2), read(1, 0, 3, 4)};
  const check_outcome r = check_sequentially_consistent<register_model>(h);
  EXPECT_FALSE(r.linearizable);
  EXPECT_EQ(r.failing_part.size(), 2u);
}

TEST(SequentialConsistency, PrefixComesBeforeEveryThread) {
  // thread 0 is the sequential prefix: a later read of the initial value is illegal.
  EXPECT_FALSE(check_sequentially_consistent<register_model>({write(0, 1, 1, 2), read(1, 0, 3, 4)}).linearizable);
  EXPECT_TRUE(check_sequentially_consistent<register_model>({write(1, 1, 1, 2), read(0, 0, 3, 4)}).linearizable);
}

TEST(SequentialConsistency, StoreBufferingOutcomeIsNot) {
  // Dekker / SB: each thread writes its flag, then reads the other's as 0.
  // Allowed on x86 without fences, impossible in any interleaving.
  keyed_history h = {kwrite(1, 0, 1, 1), kread(1, 1, 0, 3), kwrite(2, 1, 1, 5), kread(2, 0, 0, 7)};
  EXPECT_FALSE(check_sequentially_consistent<unpartitioned_keyed_model>(h).linearizable);
  h[3].output = 1;  // one of them sees the other's write: fine
  EXPECT_TRUE(check_sequentially_consistent<unpartitioned_keyed_model>(h).linearizable);
}

TEST(SequentialConsistency, LongestPrefixShowsWhereOrdersBreakDown) {
  register_history h = {write(1, 1, 1, 2), read(1, 1, 3, 4), read(1, 0, 5, 6)};
  const check_outcome r = check_sequentially_consistent<register_model>(h);
  ASSERT_FALSE(r.linearizable);
  EXPECT_EQ(r.longest_prefix, (std::vector<std::size_t>{0, 1}));
}

}  // namespace
}  // namespace ordercheck::properties
