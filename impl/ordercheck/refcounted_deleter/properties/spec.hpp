// refcounted_deleter for the linearizability layer.
//
// Eight storage slots. At the start, slot 0 holds the one buffer (a data_ptr
// whose inner deleter marks the buffer freed and counts its runs) and slot 2
// shares it (new_storage_from(0, 2)): threads 1 and 2 each hold a count, so
// their releases race from the first operation. Parallel
// thread t owns slots 2(t-1) and 2(t-1)+1 (a storage belongs to one thread,
// as c10::Storage does); the prefix may use any slot. Operations:
//   share(s, d)   new_storage_from(s, d) when s holds the buffer and d is empty
//                 -> 1; otherwise nothing happens -> 0
//   release(s)    resets s when it holds the buffer -> 1; otherwise -> 0
//   read(s)       -> 1 when s holds the buffer and it is alive, 2 when s holds
//                 it but it was freed, none when s is empty
//   deleter_runs() -> how many times the inner deleter ran
// The model: the inner deleter runs once, when the last holder releases.
#pragma once

#include <rapidcheck.h>

#include <atomic>
#include <optional>
#include <string>
#include <utility>

#include "cells/property_declaration.hpp"
#include "linearizability/observation.hpp"
#include "linearizability/parallel_program.hpp"
#include "linearizability/predicted_model.hpp"
#include "ordercheck/refcounted_deleter/properties/fixture.hpp"
#include "ordercheck/refcounted_deleter/reference.hpp"
#include "ordercheck/refcounted_deleter/storage.hpp"
#include "ordercheck/refcounted_deleter/upstream.hpp"

namespace ordercheck::properties {

struct refcounted_deleter_spec {
  static constexpr const char* subject_name = "refcounted_deleter";
  static constexpr unsigned slot_count = 8;
  enum code : std::uint8_t { share, release, read, deleter_runs };

  static std::string operation_name(const operation& op) {
    const std::string s = std::to_string(op.argument);
    switch (op.code) {
      case share: return "share(" + s + " -> " + std::to_string(op.second) + ")";
      case release: return "release(" + s + ")";
      case read: return "read(" + s + ")";
      case deleter_runs: return "deleter_runs()";
    }
    return "?";
  }

  static rc::Gen<operation> operation_gen(lane where, const operation_menu&) {
    const unsigned first = where == prefix_lane ? 0 : 2 * (where - 1);
    const unsigned last = where == prefix_lane ? slot_count - 1 : first + 1;
    return rc::gen::apply(
        [](std::uint8_t c, unsigned s, unsigned d) {
          operation op;
          op.code = c;
          op.argument = static_cast<std::uint8_t>(s);
          op.second = static_cast<std::uint8_t>(d);
          return op;
        },
        rc::gen::elementOf(std::vector<std::uint8_t>{share, release, read, deleter_runs}),
        rc::gen::inRange(first, last + 1), rc::gen::inRange(first, last + 1));
    // (share(s -> s) does nothing; the generator leaves it in: it shrinks to it.)
  }

  struct model : predicted_model<model> {
    using input = operation;
    using output = observation;
    struct state {
      std::uint8_t holders = 0b101;  // bit s: slot s holds the buffer (0 and 2 at first)
      std::uint8_t runs = 0;     // inner deleter runs
      bool operator==(const state&) const = default;
    };
    static state initial() { return {}; }
    static std::size_t hash(const state& s) { return hash_combine(s.holders, s.runs); }
    static std::pair<observation, state> predict(const state& before, const operation& op) {
      state s = before;
      observation expected;
      const auto holds = [&s](unsigned slot) { return (s.holders >> slot) & 1u; };
      switch (op.code) {
        case share:
          if (holds(op.argument) && !holds(op.second)) {
            s.holders |= static_cast<std::uint8_t>(1u << op.second);
            expected = observation::of(1);
          } else {
            expected = observation::of(0);
          }
          break;
        case release:
          if (holds(op.argument)) {
            s.holders &= static_cast<std::uint8_t>(~(1u << op.argument));
            if (s.holders == 0) ++s.runs;
            expected = observation::of(1);
          } else {
            expected = observation::of(0);
          }
          break;
        case read:
          expected = holds(op.argument) ? observation::of(1) : observation::none();
          break;
        case deleter_runs:
          expected = observation::of(s.runs);
          break;
      }
      return {expected, s};
    }
  };
  // One thread's view is the same model: the same predict().
  using sequential_model = model;

  // The buffer's owner: what the inner deleter frees. Bookkeeping, kept alive
  // by the test. Default (seq_cst) orders: a reader after the deleter sees
  // "freed". (Spelled without std::memory_order_seq_cst, which Relacy's
  // macros rename in model builds.)
  struct buffer_state {
    std::atomic<bool> alive{true};
    std::atomic<unsigned> runs{0};
  };
  static void inner_delete(void* context) {
    auto* buffer = static_cast<buffer_state*>(context);
    buffer->alive.store(false);
    buffer->runs.fetch_add(1);
  }

  // Sharing: reference::refcounted_sharing<Sync>, upstream's, or a fixture.
  template <class Sync, class Sharing>
  class system {
   public:
    system() {
      slots_[0].data() = data_ptr<Sync>(&buffer_, &buffer_, &inner_delete);
      sharing_.new_storage_from(slots_[0], slots_[2]);
    }

    observation run(const operation& op, lane) {
      storage<Sync>& source = slots_[op.argument % slot_count];
      storage<Sync>& target = slots_[op.second % slot_count];
      const bool holds = source.data().get() != nullptr;
      switch (op.code) {
        case share:
          if (!holds || target.data().get() != nullptr) return observation::of(0);
          sharing_.new_storage_from(source, target);
          return observation::of(1);
        case release:
          if (!holds) return observation::of(0);
          source.reset();
          return observation::of(1);
        case read:
          if (!holds) return observation::none();
          return observation::of(buffer_.alive.load() ? 1 : 2);
        case deleter_runs:
          return observation::of(buffer_.runs.load());
      }
      return observation::none();
    }

   private:
    buffer_state buffer_;  // declared first: outlives the storages
    Sharing sharing_;
    storage<Sync> slots_[slot_count];
  };
};

}  // namespace ordercheck::properties

namespace ordercheck::subjects::refcounted_deleter {

// The properties layer's cells (cells/property_declaration.hpp). Upstream's
// double release is not run on real threads (it frees the context twice);
// the Relacy cell checks it. The system takes no contract: a storage belongs
// to one thread, and the GIL changes nothing in the count's atomics.
using reference_system =
    properties::declared_system<properties::refcounted_deleter_spec, ordercheck::reference::refcounted_sharing>;
using upstream_system =
    properties::declared_system<properties::refcounted_deleter_spec, ordercheck::upstream::refcounted_sharing>;
using fixture_system =
    properties::declared_system<properties::refcounted_deleter_spec, properties::fixtures::frees_early>;

template <class Declarer>
void declare_properties(Declarer& d) {
  using properties::property_engine;
  constexpr auto threads = property_engine::real_threads;
  constexpr auto relacy = property_engine::relacy;
  constexpr const char* reference_why = "the inner deleter runs once, when the last holder releases";
  constexpr const char* fixture_why = "the fixture frees the buffer while a holder remains: wrong in any order";
  // Real threads.
  d.template property_cell<reference_system>(
      {threads, "reference", "free_threaded", "linearizability", {"pass"}, reference_why});
  d.template property_cell<fixture_system>(
      {threads, "fixture", "free_threaded", "frees_early", {"linearizability_violation"}, fixture_why});
  // Relacy.
  d.template property_cell<reference_system>(
      {relacy, "reference", "free_threaded", "linearizability", {"pass"}, reference_why});
  d.template property_cell<upstream_system>(
      {relacy, "upstream", "free_threaded", "double_release", {"double_free", "use_after_free", "linearizability_violation"},
       "two releases racing on the split decrement both see themselves last: the engine reports the double "
       "free or the freed read first, or the history shows two deleter runs"});
  d.template property_cell<fixture_system>(
      {relacy, "fixture", "free_threaded", "frees_early", {"linearizability_violation"}, fixture_why});
}

}  // namespace ordercheck::subjects::refcounted_deleter
