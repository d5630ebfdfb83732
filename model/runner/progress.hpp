// Progress of a run: on a terminal, one progress line on stderr rewritten in
// place (cells done, executions per second, time left); otherwise one line per
// cell on stdout. Failing and mismatching cells always get their own line.
#pragma once

#include <chrono>
#include <cstddef>

#include "cell.hpp"
#include "result_record.hpp"

namespace ordercheck::model {

class progress_display {
 public:
  explicit progress_display(std::size_t cells);
  void cell_done(const cell& c, const results::record& r);
  void finish(int mismatches);

 private:
  std::size_t total_;
  std::size_t done_ = 0;
  unsigned long long executions_ = 0;
  bool terminal_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace ordercheck::model
