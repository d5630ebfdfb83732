// The "why" sentence of a model-layer data race or use after free: which two
// accesses are unordered and which atomic operations could have ordered
// them, worked out from the interleaving's reads-from edges (a read of thread
// L reads from the write of thread E whose value it returned: the latest
// such write before it) and whether they synchronize (the write release or
// stronger, the read acquire or stronger).
//
// Example: "why: thread 1's fetch_sub release at refcounted_deleter/reference.hpp:34
// read thread 0's fetch_sub release at refcounted_deleter/reference.hpp:34, but
// the read is release, not acquire, so thread 0's plain load at ... is not
// ordered before thread 1's plain store at ...".
#pragma once

#include "result_record.hpp"

#include <string>

namespace ordercheck::report {

// The sentence (starting "why: "), or "" when the record is not a model data
// race or use after free, or its steps do not name the two accesses.
std::string why_text(const results::record& r);

}  // namespace ordercheck::report
