#include "detection_stats.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>

namespace ordercheck::model {
namespace {

template <class T>
T median(std::vector<T> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace

int print_detection_stats(const std::vector<const cell*>& cells, unsigned seeds,
                          const pass_overrides& overrides) {
  int status = 0;
  std::printf("| cell | expected | kinds found (seeds) | median executions | worst | median wall ms | worst ms |\n");
  std::printf("|---|---|---|---|---|---|---|\n");
  for (const cell* c : cells) {
    if (c->expects(results::verdict::pass)) continue;
    std::vector<unsigned long long> executions;
    std::vector<double> millis;
    std::map<std::string, unsigned> kinds;
    for (unsigned seed = 0; seed < seeds; ++seed) {
      run_settings s;
      s.scheduler = scheduler_kind::random;
      s.iterations = overrides.iterations != 0 ? overrides.iterations : 1000000;
      s.seed = seed;
      const engine_outcome outcome = c->run(s);
      executions.push_back(outcome.iterations);
      millis.push_back(outcome.wall_seconds * 1000);
      ++kinds[results::verdict_name(outcome.observed)];
      if (!c->expects(outcome.observed)) status = 1;
    }
    std::string expected;
    for (auto v : c->expected) expected += (expected.empty() ? "" : ", ") + std::string(results::verdict_name(v));
    std::string found;
    for (const auto& [kind, count] : kinds) {
      found += (found.empty() ? "" : ", ") + kind + " (" + std::to_string(count) + ")";
    }
    std::printf("| %s | %s | %s | %llu | %llu | %.2f | %.2f |\n", c->id().c_str(), expected.c_str(),
                found.c_str(), median(executions), *std::max_element(executions.begin(), executions.end()),
                median(millis), *std::max_element(millis.begin(), millis.end()));
  }
  return status;
}

}  // namespace ordercheck::model
