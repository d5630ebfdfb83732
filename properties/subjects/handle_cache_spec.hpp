// handle_cache for the linearizability layer.
//
// One operation, ptr_or(i): slow() returns a new handle (this operation's
// fresh identity); the result is the handle returned. The sequential model:
// the first ptr_or of an interpreter on a free slot claims it and caches its
// handle; the owner then always gets the cached handle; another interpreter
// always gets its own new handle. The parallel part uses interpreter A only
// (as owner_tag: the tag is claimed before the handle is published).
#pragma once

#include <rapidcheck.h>

#include <optional>
#include <string>
#include <utility>

#include "linearizability/predicted_model.hpp"
#include "linearizability/observation.hpp"
#include "linearizability/parallel_program.hpp"
#include "ordercheck/scenarios/scenario.hpp"
#include "subjects/interpreter_pair.hpp"

namespace ordercheck::properties {

struct handle_cache_spec {
  static constexpr const char* subject_name = "handle_cache";
  // The primitive allocates nothing; the heap is only error messages (the
  // Relacy mode stops tracking it: relacy/relacy_program.hpp).
  static constexpr bool heap_is_bookkeeping = true;
  enum code : std::uint8_t { ptr_or };

  static std::string operation_name(const operation& op) {
    return std::string("ptr_or(") + interpreter_letter(op.argument) + ")";
  }

  static rc::Gen<operation> operation_gen(lane where, const operation_menu&) {
    const unsigned max_interpreter = where == prefix_lane ? 2 : 1;
    return rc::gen::map(rc::gen::inRange<unsigned>(1, max_interpreter + 1), [](unsigned i) {
      operation op;
      op.code = ptr_or;
      op.argument = static_cast<std::uint8_t>(i);
      return op;
    });
  }

  struct model : predicted_model<model> {
    using input = operation;
    using output = observation;
    struct state {
      std::uint8_t tag = 0;
      std::uint32_t cached = 0;
      bool operator==(const state&) const = default;
    };
    static state initial() { return {}; }
    static std::size_t hash(const state& s) { return hash_combine(s.tag, s.cached); }
    static std::pair<observation, state> predict(const state& before, const operation& op) {
      state s = before;
      observation expected;
      if (s.tag != 0 && s.tag != op.argument) {
        expected = observation::of(op.fresh);  // another interpreter's slot: slow()
      } else if (s.tag == op.argument && s.cached != 0) {
        expected = observation::of(s.cached);
      } else {
        s.tag = op.argument;
        s.cached = op.fresh;
        expected = observation::of(op.fresh);
      }
      return {expected, s};
    }
  };
  // One thread's view is the same model: the same predict().
  using sequential_model = model;

  // Cache: reference::handle_cache<Sync>, upstream::handle_cache<Sync> or a fixture.
  template <class Sync, class Cache, contract C>
  class system {
   public:
    observation run(const operation& op, lane) {
      const unsigned gil = op.argument == 2 ? 1 : 0;
      const interpreter* self = interpreters_.get(op.argument);
      return gil_.with(gil, [&] {
        return interpreters_.observe([&] {
          python_object* handle = cache_.ptr_or(self, [&] {
            // gil_released_in_slow: the slow path runs Python code and lets the GIL go.
            return gil_.released_in_slow_path(gil, [&] { return fake_object(op.fresh); });
          });
          return observation::of(identity_of(handle));
        });
      });
    }

   private:
    interpreter_pair interpreters_;
    gil_set<Sync, C> gil_;
    Cache cache_;
  };
};

}  // namespace ordercheck::properties
