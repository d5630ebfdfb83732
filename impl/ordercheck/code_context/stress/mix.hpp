// code_context mix: settings.threads threads share one map per round. At
// random they get or ask about four long-lived keys, and get or pop one
// "popped" key; thread 0 also drops the last reference to two keys whose
// entries were made before the round (their death callbacks remove them).
//
// Checked in every call: a context is handed out with its key written.
// Checked after every round: one context per live key (every get of a
// long-lived key returned the same context, the one the map holds); the popped
// key's original context was taken by exactly one pop (when any pop ran); the
// dead keys' entries are gone (the map holds only live keys).
#pragma once

#include <cstdint>
#include <optional>
#include <type_traits>
#include <vector>

#include "ordercheck/code_context/code_object.hpp"
#include "ordercheck/scenarios/code_context_scenarios.hpp"
#include "ordercheck/sync/std_sync.hpp"

namespace ordercheck::stress_only {

// Room for every context a round can make: pops of an absent key make a fresh
// one each time.
template <class Sync, variant V>
using code_context_map_of_mix =
    std::conditional_t<V == variant::reference, reference::code_context_map<Sync, 16, 1024>,
                       upstream::code_context_map<Sync, 16, 1024>>;

template <variant V, contract C>
class code_context_mix {
 public:
  static constexpr unsigned long_lived_keys = 4;
  static constexpr unsigned dying_keys = 2;
  static constexpr unsigned operations_per_thread = 10;

  explicit code_context_mix(unsigned threads) : threads_(threads), seen_(threads) {}

  void before_round(std::uint64_t) {
    map_.emplace();
    for (unsigned k = 0; k < dying_keys; ++k) {
      dying_[k] = new key_type;
      map_->get(*dying_[k]);
    }
    popped_original_ = map_->get(popped_key_);
    for (auto& s : seen_) s = {};
  }

  template <class Context>
  void run_thread(Context& context) {
    const unsigned t = context.thread();
    unsigned next_death = 0;
    for (unsigned op = 0; op < operations_per_thread; ++op) {
      context.pause();
      if (t == 0 && next_death < dying_keys && context.random().one_in(3)) {
        context.doing("dropping a key's last reference");
        key_type* dying = dying_[next_death++];
        gil_.with(0, [&] { delete dying; });
        continue;
      }
      const auto choice = context.random().below(8);
      if (choice < 4) {
        const unsigned k = static_cast<unsigned>(context.random().below(long_lived_keys));
        context.doing("get");
        context_type* value = map_->get(keys_[k]);
        check_context(value, &keys_[k]);
        if (seen_[t].got[k] == nullptr) seen_[t].got[k] = value;
        std_sync::assert_that(seen_[t].got[k] == value, "code_context mix: one context per live key (a get changed it)");
      } else if (choice == 4) {
        context.doing("has");
        const unsigned k = static_cast<unsigned>(context.random().below(long_lived_keys));
        const bool present = map_->has(keys_[k]);
        std_sync::assert_that(present || seen_[t].got[k] == nullptr,
                              "code_context mix: a live key that was got keeps its entry");
      } else if (choice == 5) {
        context.doing("get of the popped key");
        check_context(map_->get(popped_key_), &popped_key_);
      } else {
        context.doing("pop");
        context_type* value = map_->pop(popped_key_);
        check_context(value, &popped_key_);
        if (value == popped_original_) ++seen_[t].original_pops;
        ++seen_[t].pops;
      }
    }
    // Thread 0 drops the dying keys it has not dropped yet.
    while (t == 0 && next_death < dying_keys) {
      context.doing("dropping a key's last reference");
      key_type* dying = dying_[next_death++];
      gil_.with(0, [&] { delete dying; });
    }
  }

  void after_round(std::uint64_t) {
    unsigned live_entries = 0;
    for (unsigned k = 0; k < long_lived_keys; ++k) {
      context_type* first = nullptr;
      for (const auto& s : seen_) {
        if (s.got[k] == nullptr) continue;
        if (first == nullptr) first = s.got[k];
        std_sync::assert_that(s.got[k] == first, "code_context mix: one context per live key (two gets disagree)");
      }
      if (first == nullptr) continue;
      ++live_entries;
      std_sync::assert_that(map_->has(keys_[k]) && map_->get(keys_[k]) == first,
                            "code_context mix: one context per live key (the map holds another)");
    }
    unsigned pops = 0;
    unsigned original_pops = 0;
    for (const auto& s : seen_) {
      pops += s.pops;
      original_pops += s.original_pops;
    }
    std_sync::assert_that(original_pops == (pops > 0 ? 1u : 0u),
                          "code_context mix: exactly one pop takes the popped key's original context");
    if (map_->has(popped_key_)) ++live_entries;
    std_sync::assert_that(map_->size() == live_entries,
                          "code_context mix: the map holds one entry per live key (a dead key's entry stayed)");
    map_.reset();
  }

 private:
  using key_type = code_object<std_sync>;
  using map_type = code_context_map_of_mix<std_sync, V>;
  using context_type = code_context_value<std_sync>;

  struct observations {
    context_type* got[long_lived_keys] = {};
    unsigned pops = 0;
    unsigned original_pops = 0;
  };

  void check_context(context_type* value, const key_type* key) {
    std_sync::assert_that(value != nullptr, "code_context mix: get and pop return a context");
    const void* written = gil_.with(0, [&] { return value->key.load(); });
    std_sync::assert_that(written == key, "code_context mix: a context is handed out with its key written");
  }

  unsigned threads_;
  // Keys outlive the map (declared first: destroyed last).
  key_type keys_[long_lived_keys];
  key_type popped_key_;
  key_type* dying_[dying_keys] = {};
  context_type* popped_original_ = nullptr;
  std::vector<observations> seen_;
  gil_set<std_sync, C, 1> gil_;
  std::optional<map_type> map_;
};

}  // namespace ordercheck::stress_only
