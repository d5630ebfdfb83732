// Sequential state-machine tests with rapidcheck's rc::state: one command per
// generated operation, the subject's sequential model predicting what the call
// returns, and rapidcheck shrinking a failing sequence to a minimal one.
//
// A spec's sequential_model provides state, initial() and
// predict(state, operation) -> {observation, next state}; optionally
// normalise(operation, observation, names) to name values that a model cannot
// predict literally (code_context's context addresses) by first appearance.
#pragma once

#include <rapidcheck.h>
#include <rapidcheck/state.h>

#include <atomic>
#include <cstdint>
#include <ostream>
#include <vector>

#include "linearizability/parallel_program.hpp"
#include "ordercheck/subject/operations.hpp"

namespace ordercheck::properties {

// The system under test, as one thread sees it.
template <class Spec, class System>
struct sequential_system {
  System system;
  std::vector<std::uint64_t> names;  // see sequential_model::normalise
  observation run(const operation& op) {
    const observation seen = system.run(op, prefix_lane);
    if constexpr (requires { Spec::sequential_model::normalise(op, seen, names); }) {
      return Spec::sequential_model::normalise(op, seen, names);
    } else {
      return seen;
    }
  }
};

inline std::uint32_t next_fresh_identity() {
  // Unique across every command rapidcheck generates, so shrinking (which
  // keeps commands as they are) never makes two operations share one.
  static std::atomic<std::uint32_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

template <class Spec, class System, bool AgreedOnly>
struct sequential_command
    : rc::state::Command<typename Spec::sequential_model::state, sequential_system<Spec, System>> {
  using model_state = typename Spec::sequential_model::state;
  operation op;

  sequential_command() : op(*operation_gen_of<Spec>(prefix_lane, operation_menu{AgreedOnly})) {
    op.fresh = next_fresh_identity();
    op.lane = prefix_lane;
  }
  void apply(model_state& s) const override { s = Spec::sequential_model::predict(s, op).second; }
  void run(const model_state& s, sequential_system<Spec, System>& sut) const override {
    const observation expected = Spec::sequential_model::predict(s, op).first;
    const observation seen = sut.run(op);
    RC_ASSERT(to_string(seen) == to_string(expected));
  }
  void show(std::ostream& os) const override {
    os << Spec::operation_name(op) << " (new object #" << op.fresh << ")";
  }
};

// Runs one rapidcheck state test: a random command sequence from the
// spec's menu against a fresh System.
template <class Spec, class System, bool AgreedOnly = false>
void check_sequential() {
  sequential_system<Spec, System> sut;
  rc::state::check(Spec::sequential_model::initial(), sut,
                   rc::state::gen::execOneOfWithArgs<sequential_command<Spec, System, AgreedOnly>>());
}

}  // namespace ordercheck::properties
