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

#include "cells/property_declaration.hpp"
#include "ordercheck/subject/operations.hpp"
#include "linearizability/parallel_program.hpp"
#include "ordercheck/handle_cache/properties/fixture.hpp"
#include "ordercheck/handle_cache/reference.hpp"
#include "ordercheck/handle_cache/upstream.hpp"
#include "ordercheck/scenarios/scenario.hpp"
#include "subjects/interpreter_pair.hpp"
#include "subjects/payload_objects.hpp"
#include "subjects/weakened_orders.hpp"

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
  // WithPayload: slow() writes the handle's plain bytes and every caller reads
  // the handle it got (subjects/payload_objects.hpp; the payload cells).
  template <class Sync, class Cache, contract C, bool WithPayload = false>
  class system {
   public:
    observation run(const operation& op, lane) {
      const unsigned gil = op.argument == 2 ? 1 : 0;
      const interpreter* self = interpreters_.get(op.argument);
      return gil_.with(gil, [&] {
        return interpreters_.observe([&] {
          python_object* handle = cache_.ptr_or(self, [&] {
            // gil_released_in_slow: the slow path runs Python code and lets the GIL go.
            return gil_.released_in_slow_path(gil, [&] { return objects_.create(op.fresh); });
          });
          return observation::of(objects_.identity(handle));
        });
      });
    }

   private:
    payload_objects<Sync, WithPayload> objects_;  // declared first: outlives the cache
    interpreter_pair interpreters_;
    gil_set<Sync, C> gil_;
    Cache cache_;
  };
};

}  // namespace ordercheck::properties

namespace ordercheck::subjects::handle_cache {

// The properties layer's cells (cells/property_declaration.hpp): the
// reference passes under every contract; upstream passes under the GIL and
// shows its defect when the GIL is let go in the slow path or there is none;
// the broken fixture is found every time.
template <contract C>
using reference_system =
    properties::declared_system<properties::handle_cache_spec, ordercheck::reference::handle_cache, C>;
template <contract C>
using upstream_system =
    properties::declared_system<properties::handle_cache_spec, ordercheck::upstream::handle_cache, C>;
using fixture_system =
    properties::declared_system<properties::handle_cache_spec, properties::fixtures::never_caches, contract::free_threaded>;
// The payload systems (issue 11 part 5): slow() writes the handle's bytes,
// every caller reads them (subjects/payload_objects.hpp).
using payload_spec = properties::with_payload<properties::handle_cache_spec>;
using reference_payload_system =
    properties::declared_system<payload_spec, ordercheck::reference::handle_cache, contract::free_threaded>;
using weakened_payload_system =
    properties::declared_system<payload_spec, properties::without_acquire<ordercheck::reference::handle_cache>::with,
                                contract::free_threaded>;

template <class Declarer>
void declare_properties(Declarer& d) {
  using properties::property_engine;
  constexpr auto threads = property_engine::real_threads;
  constexpr auto relacy = property_engine::relacy;
  constexpr const char* reference_why = "the reference claims the slot and publishes the handle atomically";
  constexpr const char* gil_why = "under the GIL held through the slow path, upstream's calls do not interleave";
  constexpr const char* released_why =
      "the GIL let go in the slow path lets a second claimant in: upstream's internal assertion fails";
  constexpr const char* free_threaded_why =
      "without a GIL two claimants race on the plain cached handle: an assertion or a wrong handle";
  constexpr const char* fixture_why = "the fixture never caches: the owner's second call returns a new handle";
  // Real threads.
  d.template property_cell<reference_system<contract::gil>>(
      {threads, "reference", "gil", "linearizability", {"pass"}, reference_why});
  d.template property_cell<reference_system<contract::gil_released_in_slow>>(
      {threads, "reference", "gil_released_in_slow", "linearizability", {"pass"}, reference_why});
  d.template property_cell<reference_system<contract::free_threaded>>(
      {threads, "reference", "free_threaded", "linearizability", {"pass"}, reference_why});
  d.template property_cell<upstream_system<contract::gil>>(
      {threads, "upstream", "gil", "linearizability", {"pass"}, gil_why});
  d.template property_cell<upstream_system<contract::gil_released_in_slow>>(
      {threads, "upstream", "gil_released_in_slow", "linearizability", {"assertion"},
       released_why, true});
  d.template property_cell<upstream_system<contract::free_threaded>>(
      {threads, "upstream", "free_threaded", "linearizability", {"assertion", "linearizability_violation"},
       free_threaded_why, true});
  d.template property_cell<fixture_system>(
      {threads, "fixture", "free_threaded", "never_caches", {"linearizability_violation"}, fixture_why});
  // Relacy.
  d.template property_cell<reference_system<contract::free_threaded>>(
      {relacy, "reference", "free_threaded", "linearizability", {"pass"}, reference_why});
  d.template property_cell<reference_system<contract::gil_released_in_slow>>(
      {relacy, "reference", "gil_released_in_slow", "linearizability", {"pass"}, reference_why});
  d.template property_cell<upstream_system<contract::gil>>(
      {relacy, "upstream", "gil", "linearizability", {"pass"}, gil_why});
  d.template property_cell<upstream_system<contract::gil_released_in_slow>>(
      {relacy, "upstream", "gil_released_in_slow", "linearizability", {"assertion"}, released_why});
  d.template property_cell<upstream_system<contract::free_threaded>>(
      {relacy, "upstream", "free_threaded", "linearizability", {"data_race", "assertion", "linearizability_violation"},
       "without a GIL Relacy reports the race on the plain cached handle, or its consequence first"});
  d.template property_cell<fixture_system>(
      {relacy, "fixture", "free_threaded", "never_caches", {"linearizability_violation"}, fixture_why});
  // Issue 11 part 5: the payload, in Relacy only (TSan would find the
  // weakened order's race only by luck).
  d.template property_cell<reference_payload_system>(
      {relacy, "reference", "free_threaded", "payload", {"pass"},
       "slow()'s writes are released by the publishing compare-and-swap and acquired by every reader of the "
       "cached handle"});
  d.template property_cell<weakened_payload_system>(
      {relacy, "fixture", "free_threaded", "acquire_as_relaxed", {"data_race"},
       "the reference with its acquires relaxed: a reader of the cached handle reads its bytes without having "
       "acquired their writer's publication"});
}

}  // namespace ordercheck::subjects::handle_cache
