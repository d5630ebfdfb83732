// refcounted_deleter mix: settings.threads threads, each of its own
// interpreter, share one buffer. Each round starts with one storage per
// thread over the buffer; each thread then, at random, shares one of its
// storages into a new one (new_storage_from), reads the buffer through one,
// or releases one, and finally releases whatever it still holds.
//
// Checked in every read: the buffer's bytes are intact. Checked after every
// round: the inner deleter ran exactly once (a second run fails at once).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>

#include "ordercheck/scenarios/refcounted_deleter_scenarios.hpp"
#include "ordercheck/sync/std_sync.hpp"

namespace ordercheck::stress_only {

template <variant V, contract C>
class refcounted_deleter_mix {
 public:
  static constexpr unsigned slots_per_thread = 4;
  static constexpr unsigned operations_per_thread = 8;
  static constexpr unsigned interpreters = 16;  // thread t holds interpreter t % 16's GIL

  explicit refcounted_deleter_mix(unsigned threads)
      : threads_(threads), storages_(new storage<std_sync>[threads * slots_per_thread]) {}

  void before_round(std::uint64_t) {
    sharing_.emplace();
    inner_runs_.store(0, std::memory_order_relaxed);
    auto* created = new buffer;
    for (auto& byte : created->bytes) byte.store(buffer::initial_byte);
    auto* context = new owner_context;
    context->buffer = created;
    context->inner_runs = &inner_runs_;
    slot(0, 0).data() = data_ptr<std_sync>(created, context, &free_buffer);
    for (unsigned t = 1; t < threads_; ++t) sharing_->new_storage_from(slot(0, 0), slot(t, 0));
  }

  template <class Context>
  void run_thread(Context& context) {
    const unsigned t = context.thread();
    const unsigned interpreter_index = t % interpreters;
    for (unsigned op = 0; op < operations_per_thread; ++op) {
      context.pause();
      const int held = random_held(context, t);
      if (held < 0) break;  // released everything
      const auto choice = context.random().below(3);
      if (choice == 0) {
        const int free_slot = first_free(t);
        if (free_slot < 0) continue;
        context.doing("new_storage_from");
        gil_.with(interpreter_index, [&] {
          sharing_->new_storage_from(slot(t, static_cast<unsigned>(held)), slot(t, static_cast<unsigned>(free_slot)));
        });
      } else if (choice == 1) {
        context.doing("reading the buffer");
        touch(slot(t, static_cast<unsigned>(held)));
      } else {
        context.doing("release");
        gil_.with(interpreter_index, [&] { slot(t, static_cast<unsigned>(held)).reset(); });
      }
    }
    context.doing("releasing the rest");
    for (unsigned s = 0; s < slots_per_thread; ++s) {
      if (slot(t, s).data().get() == nullptr) continue;
      touch(slot(t, s));
      gil_.with(interpreter_index, [&] { slot(t, s).reset(); });
    }
  }

  void after_round(std::uint64_t) {
    // relaxed: every thread has passed the round's end barrier.
    std_sync::assert_that(inner_runs_.load(std::memory_order_relaxed) == 1,
                          "refcounted_deleter mix: the inner deleter runs exactly once, after the last release");
    sharing_.reset();
  }

 private:
  using buffer = scenarios::shared_buffer<std_sync>;
  using owner_context = scenarios::buffer_owner_context<std_sync>;

  storage<std_sync>& slot(unsigned thread, unsigned index) { return storages_[thread * slots_per_thread + index]; }

  template <class Context>
  int random_held(Context& context, unsigned t) {
    int held[slots_per_thread];
    int count = 0;
    for (unsigned s = 0; s < slots_per_thread; ++s) {
      if (slot(t, s).data().get() != nullptr) held[count++] = static_cast<int>(s);
    }
    if (count == 0) return -1;
    return held[context.random().below(static_cast<std::uint64_t>(count))];
  }
  int first_free(unsigned t) {
    for (unsigned s = 0; s < slots_per_thread; ++s) {
      if (slot(t, s).data().get() == nullptr) return static_cast<int>(s);
    }
    return -1;
  }

  static void touch(storage<std_sync>& owned) {
    auto* bytes = static_cast<buffer*>(owned.data().get());
    for (auto& byte : bytes->bytes) {
      std_sync::assert_that(byte.load() == buffer::initial_byte, "refcounted_deleter mix: an owner sees the buffer's bytes");
    }
  }

  // The buffer's original deleter: must run once, after every owner's reads.
  static void free_buffer(void* raw_context) {
    auto* context = static_cast<owner_context*>(raw_context);
    // relaxed: a counter only; its read-modify-write sees every earlier run.
    const int earlier_runs = context->inner_runs->fetch_add(1, std::memory_order_relaxed);
    std_sync::assert_that(earlier_runs == 0, "refcounted_deleter mix: the inner deleter ran twice");
    for (auto& byte : context->buffer->bytes) byte.store(buffer::freed_byte);
    delete context->buffer;
    delete context;
  }

  unsigned threads_;
  std::unique_ptr<storage<std_sync>[]> storages_;
  std_sync::atomic<int> inner_runs_{0};  // the policy's type: owner_context::inner_runs points to it
  gil_set<std_sync, C, interpreters> gil_;
  std::optional<scenarios::refcounted_sharing_of<std_sync, V>> sharing_;
};

}  // namespace ordercheck::stress_only
