// ThreadSanitizer's report hook (TSan builds only; see CMakeLists.txt). TSan
// calls __tsan_on_report, a weak function of its runtime, for every report it
// prints; we raise the stop request so the check ends after the round.
#include "harness/sanitizer_stop.hpp"

extern "C" void __tsan_on_report(const void* report);

extern "C" void __tsan_on_report(const void*) {
  // relaxed: a stop request; see sanitizer_stop.hpp.
  ordercheck::stress::sanitizer_reported.store(true, std::memory_order_relaxed);
}
