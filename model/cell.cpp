// The functions cell.hpp declares: scheduler names and cell::expects. No
// Relacy and no subject here, so tools that only read run settings (the replay
// token decoder and its fuzzer) can link them alone.
#include "cell.hpp"

#include <algorithm>
#include <stdexcept>

namespace ordercheck::model {

const char* scheduler_name(scheduler_kind kind) {
  switch (kind) {
    case scheduler_kind::random: return "random";
    case scheduler_kind::bound: return "bound";
    case scheduler_kind::full: return "full";
  }
  return "?";
}

scheduler_kind scheduler_from_name(const std::string& name) {
  if (name == "random") return scheduler_kind::random;
  if (name == "bound") return scheduler_kind::bound;
  if (name == "full") return scheduler_kind::full;
  throw std::invalid_argument("unknown scheduler '" + name + "': use random, bound or full");
}

bool cell::expects(results::verdict v) const {
  return std::find(expected.begin(), expected.end(), v) != expected.end();
}

}  // namespace ordercheck::model
