// What the unit tests share: two interpreters that record every decref they are
// asked to do, and fake Python objects (addresses with the low bit clear, as
// owner_tag's ownership bit needs).
#pragma once

#include <utility>
#include <vector>

#include "ordercheck/interpreter.hpp"

namespace ordercheck::testing {

struct decref_log {
  std::vector<std::pair<const interpreter*, python_object*>> calls;
};

inline void record_decref(const interpreter& self, python_object* object) {
  static_cast<decref_log*>(self.user_data)->calls.emplace_back(&self, object);
}

// "alpha" and "beta": distinct names, so an error that names both can be told
// apart from one that names the same interpreter twice.
struct two_interpreters {
  decref_log alpha_log;
  decref_log beta_log;
  interpreter alpha{"alpha", &record_decref, &alpha_log};
  interpreter beta{"beta", &record_decref, &beta_log};
};

// Stand-ins for Python objects: only their addresses matter.
struct fake_objects {
  alignas(8) char storage[4][8] = {};
  python_object* get(int i) { return reinterpret_cast<python_object*>(storage[i]); }
};

}  // namespace ordercheck::testing
