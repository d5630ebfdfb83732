#include "profiles.hpp"

#include <stdexcept>

namespace ordercheck::model {

std::vector<run_settings> profile_passes(const std::string& profile, const cell& c) {
  run_settings random;
  random.scheduler = scheduler_kind::random;
  if (profile == "quick") {
    random.iterations = quick_random_iterations;
    run_settings bound;
    bound.scheduler = scheduler_kind::bound;
    bound.context_bound = c.quick_context_bound;
    return {random, bound};
  }
  if (profile == "deep") {
    random.iterations = deep_random_iterations;
    return {c.proof, random};
  }
  throw std::invalid_argument("unknown profile '" + profile + "': use quick or deep");
}

std::vector<run_settings> apply_overrides(std::vector<run_settings> passes, const pass_overrides& o) {
  if (!o.scheduler.empty()) {
    run_settings one;
    one.scheduler = scheduler_from_name(o.scheduler);
    one.iterations = quick_random_iterations;
    passes = {one};
  }
  for (auto& pass : passes) {
    if (pass.scheduler == scheduler_kind::random) {
      if (o.iterations != 0) pass.iterations = o.iterations;
      pass.seed = o.seed;
    }
    if (pass.scheduler == scheduler_kind::bound && o.context_bound != 0) {
      pass.context_bound = o.context_bound;
    }
  }
  return passes;
}

std::string describe_pass(const run_settings& pass) {
  switch (pass.scheduler) {
    case scheduler_kind::random:
      return "random " + std::to_string(pass.iterations) + " from seed " + std::to_string(pass.seed);
    case scheduler_kind::bound: return "context bound " + std::to_string(pass.context_bound);
    case scheduler_kind::full: return "full search";
  }
  return "?";
}

}  // namespace ordercheck::model
