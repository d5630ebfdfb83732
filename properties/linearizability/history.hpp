// A concurrent history: each operation's input, its output, and the two
// instants that bound it (its invocation and its response) on one global clock.
//
// The clock is a counter stamped by every thread at invoke and at return
// (event_clock below): stamps are unique, so invocation and response events are
// totally ordered, and operation a happened before operation b exactly when
// a.returned < b.invoked. That is all a linearizability checker needs
// (Herlihy & Wing's "real-time order").
#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

namespace ordercheck::properties {

template <class Input, class Output>
struct operation_record {
  unsigned thread = 0;  // who ran it (the prefix is thread 0 of its own lane)
  Input input{};
  Output output{};
  std::uint64_t invoked = 0;   // stamp taken just before the call
  std::uint64_t returned = 0;  // stamp taken just after the call
};

template <class Input, class Output>
using history = std::vector<operation_record<Input, Output>>;

// The global clock of one run. seq_cst: the stamps must form one total order
// consistent with each thread's program order and with real time; a relaxed
// counter's modification order alone would not order a stamp against the
// operation's own atomics on other variables.
class event_clock {
 public:
  std::uint64_t tick() { return next_.fetch_add(1, std::memory_order_seq_cst); }
  void reset() { next_.store(1, std::memory_order_seq_cst); }

 private:
  std::atomic<std::uint64_t> next_{1};
};

}  // namespace ordercheck::properties
