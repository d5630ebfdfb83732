// owner_tag for the linearizability layer: its operations, its sequential
// model (what one thread may observe, word for word as reference.hpp
// documents it), and the system that runs operations on a real slot.
//
// Operations (A is interpreter 1, B is 2):
//   wrap(i)          what THPVariable_Wrap does: check(i); if no wrapper,
//                    init(i, new wrapper, maybe_uninitialized); -> the wrapper
//   check(i)         -> wrapper, none (untagged, hermetic, or null), error(owner)
//   init(i)          init(i, new wrapper, maybe_uninitialized) on its own
//   init_other(i)    init(i, new wrapper, tagged_by_other) -> error(owner)
//   set_owns(b), owns() -> 0/1, maybe_destroy(), releases() -> wrappers released
//   hermetic(b)      sets this thread's hermetic flag
//   init(i, definitely_uninitialized), init(i, tagged_by_us): the caller's
//                    promises; generated for the sequential prefix only
// The parallel part uses interpreter A only: two interpreters racing for an
// untagged slot see the tag claimed before the wrapper is installed, which no
// one-step model allows (README, "Properties layer"); the prefix uses both.
// For the same reason init_other (which reads only the tag) is generated for
// the prefix only: in parallel it sees its own interpreter's claim before
// the install (found by the Relacy mode: thread 1 init_other -> owner A,
// then wrap -> its own wrapper, which thread 2's wrap also returns).
#pragma once

#include <rapidcheck.h>

#include <array>
#include <optional>
#include <string>
#include <utility>

#include "cells/property_declaration.hpp"
#include "ordercheck/subject/operations.hpp"
#include "linearizability/parallel_program.hpp"
#include "ordercheck/owner_tag/properties/fixture.hpp"
#include "ordercheck/owner_tag/reference.hpp"
#include "ordercheck/owner_tag/status.hpp"
#include "ordercheck/owner_tag/upstream.hpp"
#include "ordercheck/scenarios/scenario.hpp"
#include "subjects/interpreter_pair.hpp"
#include "subjects/payload_objects.hpp"
#include "subjects/weakened_orders.hpp"

namespace ordercheck::properties {

struct owner_tag_spec {
  static constexpr const char* subject_name = "owner_tag";
  // The primitive allocates nothing; the heap is only error messages (the
  // Relacy mode stops tracking it: relacy/relacy_program.hpp).
  static constexpr bool heap_is_bookkeeping = true;
  enum code : std::uint8_t { wrap, check, init, init_other, set_owns, owns, maybe_destroy, releases, hermetic, init_fresh, init_ours };

  static std::string operation_name(const operation& op) {
    const std::string i = interpreter_letter(op.argument);
    const std::string b = op.second ? "true" : "false";
    switch (op.code) {
      case wrap: return "wrap(" + i + ")";
      case check: return "check(" + i + ")";
      case init: return "init(" + i + ", maybe_uninitialized)";
      case init_other: return "init(" + i + ", tagged_by_other)";
      case set_owns: return "set_owns(" + b + ")";
      case owns: return "owns()";
      case maybe_destroy: return "maybe_destroy()";
      case releases: return "releases()";
      case hermetic: return "hermetic(" + b + ")";
      case init_fresh: return "init(" + i + ", definitely_uninitialized)";
      case init_ours: return "init(" + i + ", tagged_by_us)";
    }
    return "?";
  }

  static rc::Gen<operation> operation_gen(lane where, const operation_menu& menu) {
    // Upstream agrees with reference on these only: its init overwrites an
    // installed wrapper (so does a wrap in hermetic mode, whose check hides
    // the wrapper), its set_owns(true) on an empty slot does not assert, and
    // its maybe_destroy leaves an unowned wrapper in place.
    std::vector<std::uint8_t> codes = {wrap, check, owns};
    // init_other reads the tag alone, so in parallel it can see a claim whose
    // wrapper is not installed yet (by its own interpreter, too): a state no
    // one-step model of wrap has (see the header). Sequential parts only.
    if (where == prefix_lane) codes.push_back(init_other);
    if (!menu.agreed_with_upstream_only) {
      codes.insert(codes.end(), {init, set_owns, maybe_destroy, hermetic});
      // releases() counts decrefs, which maybe_destroy makes after its
      // exchange (its linearization point): in parallel, a count read
      // between the two sees no atomic step of the model. Sequential only;
      // the model cells check "released exactly once" (Relacy history seen:
      // one thread's exchange takes the owned word, another's releases() -> 0).
      if (where == prefix_lane) codes.push_back(releases);
      // A promise about the object's sharing: sequential parts only. (Not
      // init_ours: generated blindly, its promise "tagged by us" is often
      // false, and a broken promise has no behaviour to predict.)
      if (where == prefix_lane) codes.push_back(init_fresh);
    }
    const unsigned max_interpreter = where == prefix_lane ? 2 : 1;
    return rc::gen::apply(
        [](std::uint8_t c, unsigned i, bool b) {
          operation op;
          op.code = c;
          op.argument = static_cast<std::uint8_t>(i);
          op.second = b ? 1 : 0;
          return op;
        },
        rc::gen::elementOf(codes), rc::gen::inRange<unsigned>(1, max_interpreter + 1),
        rc::gen::arbitrary<bool>());
  }

  struct model : predicted_model<model> {
    using input = operation;
    using output = observation;
    struct state {
      std::uint8_t tag = 0;          // 0, 1 (A), 2 (B)
      std::uint32_t wrapper = 0;     // installed wrapper identity, 0 for none
      bool owned = false;            // the ownership bit
      std::uint32_t released = 0;    // wrappers released through the owner
      std::array<bool, 5> hermetic{};  // per lane
      bool operator==(const state&) const = default;
    };
    static state initial() { return {}; }
    static std::size_t hash(const state& s) {
      std::size_t h = hash_combine(s.tag, s.wrapper);
      h = hash_combine(h, s.owned * 2u + s.released * 4u);
      for (bool f : s.hermetic) h = hash_combine(h, f);
      return h;
    }
    // init's claim and install (maybe_uninitialized), from an untagged or own slot.
    static observation install(state& s, const operation& op) {
      s.tag = op.argument;
      if (s.wrapper == 0 && !s.owned) {
        s.wrapper = op.fresh;
        return observation::of(op.fresh);
      }
      return s.wrapper ? observation::of(s.wrapper) : observation::none();
    }
    // The sequential model: what one call observes, and the state after it.
    static std::pair<observation, state> predict(const state& before, const operation& op) {
      state s = before;
      observation expected;
      const bool foreign = s.tag != 0 && s.tag != op.argument;
      switch (op.code) {
        case wrap:
          if (foreign) expected = observation::owned_by(s.tag);
          else if (s.tag == op.argument && !s.hermetic[op.lane] && s.wrapper) expected = observation::of(s.wrapper);
          else expected = install(s, op);
          break;
        case check:
          if (foreign) expected = observation::owned_by(s.tag);
          else if (s.tag == 0 || s.hermetic[op.lane] || s.wrapper == 0) expected = observation::none();
          else expected = observation::of(s.wrapper);
          break;
        case init:
          expected = foreign ? observation::owned_by(s.tag) : install(s, op);
          break;
        case init_other:
          expected = observation::owned_by(s.tag);
          break;
        case set_owns:
          s.owned = op.second != 0;
          expected = s.owned && s.wrapper == 0 ? observation::failed_assertion() : observation::none();
          break;
        case owns:
          expected = observation::of(s.owned ? 1 : 0);
          break;
        case maybe_destroy: {
          const bool was_owned = s.owned;
          const std::uint32_t wrapper = s.wrapper;
          s.owned = false;
          s.wrapper = 0;
          if (!was_owned) expected = observation::none();
          else if (s.tag == 0 || wrapper == 0) expected = observation::failed_assertion();
          else {
            ++s.released;
            expected = observation::none();
          }
          break;
        }
        case releases:
          expected = observation::of(s.released);
          break;
        case hermetic:
          s.hermetic[op.lane] = op.second != 0;
          expected = observation::none();
          break;
        case init_fresh:  // the caller promises no other thread has the object
          s.tag = op.argument;
          expected = install(s, op);
          break;
        case init_ours:  // no claim: the caller has seen its own tag
          if (s.wrapper == 0 && !s.owned) s.wrapper = op.fresh;
          expected = s.wrapper ? observation::of(s.wrapper) : observation::none();
          break;
      }
      return {expected, s};
    }
  };
  // One thread's view is the same model: the same predict().
  using sequential_model = model;

  // Tag: reference::owner_tag<Sync>, upstream::owner_tag<Sync> or a fixture.
  // WithPayload: each wrapper's creator writes its plain bytes before init,
  // and whoever gets a wrapper back reads them (subjects/payload_objects.hpp;
  // the payload cells).
  template <class Sync, class Tag, contract C, bool WithPayload = false>
  class system {
   public:
    // Relacy's flags are cleared by its driver (model/model_driver.hpp).
    system() { Tag::hermetic_mode::set(false); }
    ~system() { Tag::hermetic_mode::set(false); }

    observation run(const operation& op, lane) {
      // Under a GIL contract the whole call holds the caller's interpreter's
      // GIL; exceptions become observations inside, so the lock is always released.
      const unsigned gil = op.argument == 2 ? 1 : 0;
      return gil_.with(gil, [&] { return interpreters_.observe([&] { return call(op); }); });
    }

   private:
    observation call(const operation& op) {
      const interpreter* self = interpreters_.get(op.argument);
      auto seen = [this](std::optional<python_object*> w) {
        if (!w || *w == nullptr) return observation::none();
        return observation::of(objects_.identity(*w));
      };
      switch (op.code) {
        case wrap: {
          if (auto w = tag_.check(self); w && *w) return observation::of(objects_.identity(*w));
          return seen(tag_.init(self, objects_.create(op.fresh), interpreter_status::maybe_uninitialized));
        }
        case check: return seen(tag_.check(self));
        case init: return seen(tag_.init(self, objects_.create(op.fresh), interpreter_status::maybe_uninitialized));
        case init_other:
          tag_.init(self, objects_.create(op.fresh), interpreter_status::tagged_by_other);
          return observation::none();
        case set_owns: tag_.set_owns(op.second != 0); return observation::none();
        case owns: return observation::of(tag_.owns() ? 1 : 0);
        case maybe_destroy: tag_.maybe_destroy(); return observation::none();
        case releases: return observation::of(interpreters_.releases());
        case hermetic: Tag::hermetic_mode::set(op.second != 0); return observation::none();
        case init_fresh:
          return seen(tag_.init(self, objects_.create(op.fresh), interpreter_status::definitely_uninitialized));
        case init_ours: return seen(tag_.init(self, objects_.create(op.fresh), interpreter_status::tagged_by_us));
      }
      return observation::none();
    }

    payload_objects<Sync, WithPayload> objects_;  // declared first: outlives the tag
    interpreter_pair interpreters_;
    gil_set<Sync, C> gil_;
    Tag tag_;
  };
};

}  // namespace ordercheck::properties

namespace ordercheck::subjects::owner_tag {

// The properties layer's cells (cells/property_declaration.hpp): the
// reference passes under both contracts; upstream agrees with the model on
// the agreed menu under the GIL and loses a wrapper without it; the broken
// fixture is found every time.
template <contract C>
using reference_system = properties::declared_system<properties::owner_tag_spec, ordercheck::reference::owner_tag, C>;
template <contract C>
using upstream_system = properties::declared_system<properties::owner_tag_spec, ordercheck::upstream::owner_tag, C>;
using fixture_system = properties::declared_system<properties::owner_tag_spec,
                                                   properties::fixtures::second_tag_overwrites, contract::free_threaded>;
// The payload systems (issue 11 part 5): a wrapper's creator writes its
// bytes, whoever gets it back reads them (subjects/payload_objects.hpp).
using payload_spec = properties::with_payload<properties::owner_tag_spec>;
using reference_payload_system =
    properties::declared_system<payload_spec, ordercheck::reference::owner_tag, contract::free_threaded>;
using weakened_payload_system =
    properties::declared_system<payload_spec, properties::without_acquire<ordercheck::reference::owner_tag>::with,
                                contract::free_threaded>;

template <class Declarer>
void declare_properties(Declarer& d) {
  using properties::property_engine;
  constexpr auto threads = property_engine::real_threads;
  constexpr auto relacy = property_engine::relacy;
  const properties::operation_menu agreed{true};
  constexpr const char* reference_why = "the reference's every operation is atomic with or without a GIL";
  constexpr const char* agreed_why =
      "under the GIL upstream's calls do not interleave, and on the agreed menu it behaves as the model";
  constexpr const char* fixture_why = "a second interpreter re-tags the slot: wrong in any order of operations";
  // Real threads.
  d.template property_cell<reference_system<contract::gil>>(
      {threads, "reference", "gil", "linearizability", {"pass"}, reference_why});
  d.template property_cell<reference_system<contract::free_threaded>>(
      {threads, "reference", "free_threaded", "linearizability", {"pass"}, reference_why});
  d.template property_cell<upstream_system<contract::gil>>(
      {threads, "upstream", "gil", "linearizability", {"pass"}, agreed_why, false, agreed});
  d.template property_cell<upstream_system<contract::free_threaded>>(
      {threads, "upstream", "free_threaded", "two_wrappers", {"linearizability_violation"},
       "two wraps race on the plain wrapper word and return two wrappers; real threads hit the window sometimes",
       true, agreed});
  d.template property_cell<fixture_system>(
      {threads, "fixture", "free_threaded", "second_tag_overwrites", {"linearizability_violation"}, fixture_why});
  // Relacy.
  d.template property_cell<reference_system<contract::free_threaded>>(
      {relacy, "reference", "free_threaded", "linearizability", {"pass"}, reference_why});
  d.template property_cell<upstream_system<contract::gil>>(
      {relacy, "upstream", "gil", "linearizability", {"pass"}, agreed_why, false, agreed});
  d.template property_cell<upstream_system<contract::free_threaded>>(
      {relacy, "upstream", "free_threaded", "two_wrappers", {"data_race", "linearizability_violation"},
       "Relacy sees the second plain store of the wrapper word race with the first before the history is "
       "complete: the race is reported first",
       false, agreed});
  d.template property_cell<fixture_system>(
      {relacy, "fixture", "free_threaded", "second_tag_overwrites", {"linearizability_violation"}, fixture_why});
  // Issue 11 part 5: the payload, in Relacy only (TSan would find the
  // weakened order's race only by luck).
  d.template property_cell<reference_payload_system>(
      {relacy, "reference", "free_threaded", "payload", {"pass"},
       "the wrapper's writes are released by the installing compare-and-swap and acquired by every check and "
       "every losing init"});
  d.template property_cell<weakened_payload_system>(
      {relacy, "fixture", "free_threaded", "acquire_as_relaxed", {"data_race"},
       "the reference with its acquires relaxed: a check or a losing init reads the installed wrapper's bytes "
       "without having acquired their writer's publication"});
}

}  // namespace ordercheck::subjects::owner_tag
