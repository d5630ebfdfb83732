// Runs a parallel program on real threads and records its history: the
// prefix on the calling thread, then one std::thread per list, all released
// together from a barrier so their operations overlap as much as the machine
// allows. A System is the object under test, built fresh for each run:
//   System();  observation run(const operation&, lane);
#pragma once

#include <atomic>
#include <thread>
#include <vector>

#include "history.hpp"
#include "ordercheck/subject/operations.hpp"
#include "parallel_program.hpp"

namespace ordercheck::properties {

using recorded_history = history<operation, observation>;

// Runs one operation between two stamps of the clock.
template <class System>
operation_record<operation, observation> run_stamped(System& system, event_clock& clock,
                                                     const operation& op, lane where) {
  operation_record<operation, observation> r;
  r.thread = where;
  r.input = op;
  r.invoked = clock.tick();
  r.output = system.run(op, where);
  r.returned = clock.tick();
  return r;
}

template <class System>
recorded_history run_on_threads(const parallel_program& program) {
  event_clock clock;
  System system;
  recorded_history result;
  result.reserve(program.operation_count());
  for (const operation& op : program.prefix) result.push_back(run_stamped(system, clock, op, prefix_lane));

  const unsigned thread_count = static_cast<unsigned>(program.threads.size());
  std::vector<recorded_history> per_thread(thread_count);
  std::atomic<unsigned> arrived{0};
  std::vector<std::thread> threads;
  threads.reserve(thread_count);
  for (unsigned t = 0; t < thread_count; ++t) {
    threads.emplace_back([&, t] {
      const lane me = t + 1;
      per_thread[t].reserve(program.threads[t].size());
      // Barrier: seq_cst so every thread sees the others' arrival; each spins
      // until all have arrived, so their first operations start together
      // (a sleeping waiter would start microseconds late and miss every race
      // window). It yields now and then: there may be more threads than cores.
      arrived.fetch_add(1, std::memory_order_seq_cst);
      for (unsigned spins = 1; arrived.load(std::memory_order_seq_cst) < thread_count; ++spins) {
        if (spins % 256 == 0) std::this_thread::yield();
      }
      for (const operation& op : program.threads[t]) per_thread[t].push_back(run_stamped(system, clock, op, me));
    });
  }
  for (auto& th : threads) th.join();
  for (auto& h : per_thread) result.insert(result.end(), h.begin(), h.end());
  return result;
}

}  // namespace ordercheck::properties
