// Finds the atomic call sites of one impl/ header by reading its text.
//
// A site is a call of the sync policy's atomic API with an order from the
// policy: `x.load(Sync::acquire)`, `p->store(v, Sync::relaxed)`,
// `x.exchange(..)`, `x.fetch_add|sub|or|and(.., Sync::o)`,
// `x.compare_exchange_strong|weak(e, d, Sync::s, Sync::f)` (two sites: success
// and `compare_exchange_failure`), and `Sync::fence(Sync::o)`. Calls may span
// lines. Comments and string literals are ignored. A call of those names with
// no Sync:: order is a plain access (Sync::plain's load/store), not a site.
//
// The recorded line is the line of the function's name, which is what gcc's
// __builtin_LINE() reports for a default argument of that call (model/
// relacy_sync.hpp captures sites that way; verified against the models'
// --reached-sites).
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "atomic_site.hpp"

namespace ordercheck::orders {

// A site the parser cannot read: an unknown or illegal order, the wrong number
// of orders, an unterminated call. The message names file:line and the fix.
class parse_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Every site in `text`, the contents of `file` (a path from the repository
// root, used for ids and for subject/variant). Throws parse_error.
std::vector<atomic_site> parse_sites(const std::string& file, const std::string& text);

// `text` with comments, string and character literals replaced by spaces
// (newlines kept, so line numbers do not move).
std::string blank_comments_and_literals(const std::string& text);

}  // namespace ordercheck::orders
