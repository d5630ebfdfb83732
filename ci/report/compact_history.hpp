// The compact interleaving every report shows by default: the steps that
// explain the failure, in order, and one line for each stretch of the rest.
//
//  - Construction, before() and after() fold into one line each ("before():
//    12 steps"), unless a failing site is in them.
//  - Kept: the sites' steps (racing access, other access, frees, the
//    failure), every step on a memory location a site touches (by name:
//    "buffer", "object#2+8" counts as object#2), and the synchronizing
//    operations of the threads the sites are on (fences, mutexes, atomics
//    that are not relaxed).
//  - Everything else between kept steps: "... N steps on other locations".
//  - The steps shown are numbered 1..N without gaps (compact_row::number),
//    in every report; the folded lines say how many steps they stand for.
//
// Records whose steps name no memory location (stress, properties) are
// shown whole: there is nothing to fold by. The JSON record always keeps the
// full history; `--full-history` shows it in every report.
#pragma once

#include "result_record.hpp"

#include <string>
#include <vector>

namespace ordercheck::report {

struct compact_row {
  enum class kind { step, folded };
  kind what = kind::step;
  const results::step* step = nullptr;  // kind::step
  int number = 0;                       // kind::step: its number among the steps shown, 1..N without gaps
  int thread = -1;                      // kind::folded: the one thread of the stretch, or -1
  std::string text;                     // kind::folded: "before(): 12 steps", "... 7 steps on other locations"
};

// The rows of the compact interleaving, or every step when `full`.
std::vector<compact_row> compact_interleaving(const results::record& r, bool full);
// How many of the rows are steps.
std::size_t shown_steps(const std::vector<compact_row>& rows);

}  // namespace ordercheck::report
