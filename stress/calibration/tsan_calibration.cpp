// TSan calibration: what the stress layer (real threads under ThreadSanitizer,
// through std_sync) can and cannot see, as the model layer's litmus suite
// says for Relacy. `tsan_calibration CASE [ROUNDS]` runs one fixture
// (fence_fixtures.hpp) ROUNDS times (default 200) and prints one line; the
// CTest tests in CMakeLists.txt (tsan preset) pin whether TSan reports a race.
// Each case is deterministic: the reader touches the data only after it has
// seen the flag (the last owner deletes only after both decrements), so both
// accesses happen on every round and TSan's verdict depends only on the
// happens-before it is told about, not on timing.
//
// | case                         | C++ verdict | TSan on std_sync  | why                                  |
// |------------------------------|-------------|-------------------|--------------------------------------|
// | mp_relaxed                   | race        | race              | no happens-before                    |
// | mp_release_acquire           | no race     | no race           | TSan models release/acquire          |
// | mp_fences                    | no race     | no race           | std_sync's TSan fence model          |
// | mp_raw_fences (no policy)    | no race     | RACE (false alarm)| TSan ignores atomic_thread_fence     |
// | refcount_release_fence (Arc) | no race     | no race           | fence model: acquire of the counter  |
// | refcount_relaxed_decrement   | race        | race              | the other owner released nothing     |
// | mp_write_after_fence         | race        | NO RACE (missed)  | blind spot: release at the store     |
//
// The last row is the fence model's declared blind spot
// (impl/ordercheck/sync/tsan_fences.hpp): a release fence releases the
// thread's clock at the next store, so a write between the fence and that
// store looks ordered. The model layer's relacy_sync has no such gap.
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <string>

#include "fence_fixtures.hpp"
#include "ordercheck/sync/std_sync.hpp"

namespace calibration = ordercheck::stress::calibration;
using ordercheck::std_sync;
using calibration::decrement;
using calibration::publication;

int main(int argc, char** argv) {
  const std::map<std::string, std::function<void()>> cases = {
      {"mp_relaxed", calibration::message_passing_round<std_sync, publication::relaxed>},
      {"mp_release_acquire", calibration::message_passing_round<std_sync, publication::release_acquire>},
      {"mp_fences", calibration::message_passing_round<std_sync, publication::fences>},
      {"mp_raw_fences", calibration::raw_fence_message_passing_round},
      {"refcount_release_fence", calibration::refcount_round<std_sync, decrement::release>},
      {"refcount_relaxed_decrement", calibration::refcount_round<std_sync, decrement::relaxed>},
      {"mp_write_after_fence", calibration::message_passing_round<std_sync, publication::write_after_fence>},
  };
  const auto found = argc >= 2 ? cases.find(argv[1]) : cases.end();
  const long rounds = argc >= 3 ? std::strtol(argv[2], nullptr, 10) : 200;
  if (found == cases.end() || rounds <= 0) {
    std::fprintf(stderr, "usage: tsan_calibration CASE [ROUNDS>0]; CASE is one of:");
    for (const auto& [name, run] : cases) std::fprintf(stderr, " %s", name.c_str());
    std::fprintf(stderr, "\n");
    return 2;
  }
  for (long round = 0; round < rounds; ++round) found->second();
  std::printf("tsan_calibration %s: %ld rounds ran\n", found->first.c_str(), rounds);
  return 0;
}
