// fix_search: which single memory-order change repairs a failing cell.
//
// The candidates are the atomic operations in impl/ that the failing
// execution ran on the threads of its sites, before the failure (the path
// from the one access to the other). Each is strengthened one step
// (load: relaxed -> acquire -> seq_cst; store: relaxed -> release -> seq_cst;
// read-modify-write: relaxed -> acquire or release -> acq_rel -> seq_cst;
// fence: acquire or release -> acq_rel -> seq_cst) through the order override
// table, on top of the mutations already installed, and the cell's passes
// are run again; a candidate is a repair when every pass then passes. The
// override table is restored before returning.
#pragma once

#include <vector>

#include "cell.hpp"
#include "result_record.hpp"

namespace ordercheck::model {

// The orders one step stronger than `order` for `operation` (the history's
// spelling: load, store, fetch_sub, compare_exchange, fence, ...).
std::vector<std::string> one_step_stronger(const std::string& operation, const std::string& order);

// Searches the repairs of `failing` (a record of `c`) with `passes`.
results::fix_search search_fix(const cell& c, const results::record& failing,
                               const std::vector<run_settings>& passes);

// fix_text() (result_record.hpp) says what was found, as one line per repair.

}  // namespace ordercheck::model
