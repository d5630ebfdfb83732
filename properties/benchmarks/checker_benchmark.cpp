// The linearizability checker's cost: histories of T threads x N operations,
// built round by round so that in each round every thread's operation
// overlaps every other's (the checker may order them T! ways), with results
// taken from a random legal order, so every history is linearizable and the
// search must find the order. Also the same history with its last read made
// impossible, so the search must exhaust every order (the failing case).
//
//   checker_benchmark --benchmark_filter=4x8
#include <benchmark/benchmark.h>

#include <algorithm>
#include <numeric>
#include <random>

#include "linearizability/checker.hpp"
#include "ordercheck/code_context/properties/spec.hpp"
#include "ordercheck/handle_cache/properties/spec.hpp"

namespace ordercheck::properties {
namespace {

// A register of ints (the classic model).
struct register_model {
  struct input {
    bool write;
    int value;
  };
  using output = int;
  using state = int;
  static state initial() { return 0; }
  static std::size_t hash(const state& s) { return static_cast<std::size_t>(s); }
  static std::optional<state> step(const state& s, const input& in, const output& out) {
    if (in.write) return in.value;
    return out == s ? std::optional<state>(s) : std::nullopt;
  }
};

history<register_model::input, int> register_history(unsigned threads, unsigned per_thread, bool broken) {
  std::mt19937 random(7);
  history<register_model::input, int> h;
  std::uint64_t clock = 1;
  int value = 0;
  int next_written = 1;
  for (unsigned round = 0; round < per_thread; ++round) {
    std::vector<unsigned> order(threads);
    std::iota(order.begin(), order.end(), 0u);
    std::shuffle(order.begin(), order.end(), random);
    const std::size_t first = h.size();
    for (unsigned t = 0; t < threads; ++t) h.push_back({t, {}, 0, clock++, 0});
    for (unsigned t : order) {  // the legal order of this round
      auto& r = h[first + t];
      r.input.write = random() % 2 == 0;
      if (r.input.write) r.input.value = value = next_written++;
      else r.output = value;
    }
    for (unsigned t = 0; t < threads; ++t) h[first + t].returned = clock++;
  }
  if (broken) h.push_back({0, {false, 0}, -1, clock, clock + 1});  // a value never written
  return h;
}

void register_checker(benchmark::State& state) {
  const auto h = register_history(static_cast<unsigned>(state.range(0)), static_cast<unsigned>(state.range(1)),
                                  state.range(2) != 0);
  std::uint64_t visited = 0;
  for (auto _ : state) {
    const check_outcome r = check_linearizable<register_model>(h);
    benchmark::DoNotOptimize(r.linearizable);
    visited = r.states_visited;
  }
  state.counters["operations"] = static_cast<double>(h.size());
  state.counters["states"] = static_cast<double>(visited);
}

// The code_context model on get/has/pop of three keys: partitioned by key.
history<operation, observation> code_context_history(unsigned threads, unsigned per_thread) {
  std::mt19937 random(11);
  history<operation, observation> h;
  code_context_spec::model::state model = code_context_spec::model::initial();
  std::uint64_t clock = 1;
  std::uint64_t next_context = 100;
  for (unsigned round = 0; round < per_thread; ++round) {
    std::vector<unsigned> order(threads);
    std::iota(order.begin(), order.end(), 0u);
    std::shuffle(order.begin(), order.end(), random);
    const std::size_t first = h.size();
    for (unsigned t = 0; t < threads; ++t) h.push_back({t + 1, {}, {}, clock++, 0});
    for (unsigned t : order) {
      auto& r = h[first + t];
      r.input.code = static_cast<std::uint8_t>(random() % 3);  // get, has, pop
      r.input.argument = static_cast<std::uint8_t>(random() % code_context_spec::key_count);
      const std::uint64_t entry = model.entry[r.input.argument];
      if (r.input.code == code_context_spec::has) r.output = observation::of(entry ? 1 : 0);
      else r.output = observation::of(entry ? entry : next_context++);
      model = *code_context_spec::model::step(model, r.input, r.output);
    }
    for (unsigned t = 0; t < threads; ++t) h[first + t].returned = clock++;
  }
  return h;
}

void code_context_checker(benchmark::State& state) {
  const auto h = code_context_history(static_cast<unsigned>(state.range(0)), static_cast<unsigned>(state.range(1)));
  std::uint64_t visited = 0;
  for (auto _ : state) {
    const check_outcome r = check_linearizable<code_context_spec::model>(h);
    if (!r.linearizable) state.SkipWithError("the generated history must be linearizable");
    visited = r.states_visited;
  }
  state.counters["operations"] = static_cast<double>(h.size());
  state.counters["states"] = static_cast<double>(visited);
}

void arguments(benchmark::internal::Benchmark* b) {
  b->ArgNames({"threads", "per_thread", "broken"});
  for (int per : {2, 4, 8, 16, 32, 64}) b->Args({4, per, 0});
  for (int per : {2, 4, 8, 16}) b->Args({4, per, 1});
  b->Args({2, 8, 0});
  b->Args({3, 8, 0});
  b->Args({6, 8, 0});
  b->Unit(benchmark::kMicrosecond);
}

BENCHMARK(register_checker)->Apply(arguments);
BENCHMARK(code_context_checker)
    ->ArgNames({"threads", "per_thread"})
    ->Args({4, 2})->Args({4, 4})->Args({4, 8})->Args({4, 16})->Args({4, 32})->Args({4, 64})
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace ordercheck::properties

BENCHMARK_MAIN();
