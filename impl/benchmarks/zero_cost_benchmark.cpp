// Times the hot paths of zero_cost.hpp: each reference primitive over std_sync
// against its hand-written std::atomic twin, and prints, per pair, the speed
// ratio (hand-written time / policy time; 1.0 means equal cost, and the issue
// asks for at least 0.98), in CPU time (what the thread itself spent: on a
// shared machine, wall time also counts the time other processes had the
// core) and in real time. The instruction-level proof is zero_cost_test; this
// is the measurement beside it. Run: build/<preset>/impl/benchmarks/zero_cost_benchmark
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "zero_cost.hpp"

namespace ordercheck::zero_cost {
namespace {

alignas(8) char handle_storage[8];
python_object* handle() { return reinterpret_cast<python_object*>(handle_storage); }
python_object* slow_handle() { return handle(); }
const interpreter owner{"owner"};

void handle_cache_hit_policy(benchmark::State& state) {
  policy_handle_cache cache;
  handle_cache_policy(cache, &owner, &slow_handle);  // claim: every timed call hits
  for (auto _ : state) benchmark::DoNotOptimize(handle_cache_policy(cache, &owner, &slow_handle));
}
void handle_cache_hit_hand_written(benchmark::State& state) {
  hand_written_handle_cache cache;
  handle_cache_hand_written(cache, &owner, &slow_handle);
  for (auto _ : state) benchmark::DoNotOptimize(handle_cache_hand_written(cache, &owner, &slow_handle));
}
void owner_tag_check_policy_path(benchmark::State& state) {
  policy_owner_tag slot;
  slot.init(&owner, handle(), interpreter_status::definitely_uninitialized);
  for (auto _ : state) benchmark::DoNotOptimize(owner_tag_check_policy(slot, &owner, false));
}
void owner_tag_check_hand_written_path(benchmark::State& state) {
  hand_written_owner_tag slot;
  slot.tag.store(&owner, std::memory_order_relaxed);
  slot.word.store(reinterpret_cast<std::uintptr_t>(handle()), std::memory_order_release);
  for (auto _ : state) benchmark::DoNotOptimize(owner_tag_check_hand_written(slot, &owner, false));
}
BENCHMARK(handle_cache_hit_policy);
BENCHMARK(handle_cache_hit_hand_written);
BENCHMARK(owner_tag_check_policy_path);
BENCHMARK(owner_tag_check_hand_written_path);

// The console output, plus each run's time kept for the ratios.
class ratio_reporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      cpu_nanoseconds_[run.benchmark_name()] = run.GetAdjustedCPUTime();
      real_nanoseconds_[run.benchmark_name()] = run.GetAdjustedRealTime();
    }
    ConsoleReporter::ReportRuns(runs);
  }
  void print_ratio(const std::string& policy, const std::string& hand_written) const {
    print_one_ratio("cpu", cpu_nanoseconds_, policy, hand_written);
    print_one_ratio("real", real_nanoseconds_, policy, hand_written);
  }

 private:
  static void print_one_ratio(const char* clock, const std::map<std::string, double>& nanoseconds,
                          const std::string& policy, const std::string& hand_written) {
    const auto p = nanoseconds.find(policy);
    const auto h = nanoseconds.find(hand_written);
    if (p == nanoseconds.end() || h == nanoseconds.end() || p->second <= 0) return;  // filtered out
    std::printf("ratio %s (%s time): hand-written / policy = %.3f (%.3f ns / %.3f ns)\n", policy.c_str(),
                clock, h->second / p->second, h->second, p->second);
  }

  std::map<std::string, double> cpu_nanoseconds_;
  std::map<std::string, double> real_nanoseconds_;
};

}  // namespace
}  // namespace ordercheck::zero_cost

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  ordercheck::zero_cost::ratio_reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.print_ratio("handle_cache_hit_policy", "handle_cache_hit_hand_written");
  reporter.print_ratio("owner_tag_check_policy_path", "owner_tag_check_hand_written_path");
  benchmark::Shutdown();
  return 0;
}
