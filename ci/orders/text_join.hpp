// Joining words into one line of text ("a, b, c").
#pragma once

#include <string>

namespace ordercheck::orders {

// Appends `item` to `text`, after `separator` unless `text` is empty.
// (Written out, not as `text += (empty ? "" : sep) + item`: g++ 12 at -O3
// reports a false -Wrestrict on that form.)
inline void append_joined(std::string& text, const std::string& separator, const std::string& item) {
  if (!text.empty()) text.append(separator);
  text.append(item);
}

}  // namespace ordercheck::orders
