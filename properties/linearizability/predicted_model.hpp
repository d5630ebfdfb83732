// A sequential model whose every operation has exactly one legal outcome:
// the model says it with predict(state, op) -> {expected observation, next
// state}, and this base derives the checker's step() from it (an observation
// other than the predicted one is illegal). Models whose operations may
// legally answer in several ways (code_context_spec) write step() themselves.
#pragma once

#include <optional>

namespace ordercheck::properties {

template <class Model>
struct predicted_model {
  template <class State, class Operation, class Observation>
  static std::optional<State> step(const State& before, const Operation& op, const Observation& seen) {
    auto [expected, after] = Model::predict(before, op);
    if (!(expected == seen)) return std::nullopt;
    return after;
  }
};

}  // namespace ordercheck::properties
