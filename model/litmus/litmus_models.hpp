// Litmus models run under Relacy's full search; each returns which outcomes
// the engine produced (see litmus_test.cpp for the table and verdicts).
#pragma once

#include <array>
#include <string>

namespace ordercheck::litmus {

enum class litmus_test {
  store_buffering_relaxed,
  store_buffering_seq_cst,
  message_passing_relaxed,
  message_passing_release_acquire,
  load_buffering_relaxed,
  independent_reads_acquire,
  coherence_read_read,
  two_plus_two_writes_relaxed,
  write_read_causality_release_acquire,
};

struct litmus_outcomes {
  bool completed = false;  // the search ran to the end without a failure
  std::string report;      // Relacy's output
  std::array<bool, 64> seen{};
  bool produced(unsigned outcome) const { return seen.at(outcome); }
};

litmus_outcomes explore(litmus_test test);

// The outcome index of a test with two result registers, each 0..3.
inline unsigned pair(int r0, int r1) { return static_cast<unsigned>(r0 * 4 + r1); }

}  // namespace ordercheck::litmus
