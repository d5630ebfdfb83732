// Set when ThreadSanitizer reports something in this process (tsan/tsan_hook.cpp
// defines TSan's __tsan_on_report hook in TSan builds). The round runner stops
// at the end of the round: one report is enough to give the check its verdict,
// and the remaining time budget would only add duplicates.
#pragma once

#include <atomic>

namespace ordercheck::stress {

// relaxed: a stop request, read once per round; it publishes nothing.
inline std::atomic<bool> sanitizer_reported{false};

// ORDERCHECK_STRESS_THREAD_SANITIZER: 1 in a ThreadSanitizer build (gcc
// defines __SANITIZE_THREAD__, clang has __has_feature(thread_sanitizer)).
#if defined(__SANITIZE_THREAD__)
#define ORDERCHECK_STRESS_THREAD_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define ORDERCHECK_STRESS_THREAD_SANITIZER 1
#endif
#endif
#ifndef ORDERCHECK_STRESS_THREAD_SANITIZER
#define ORDERCHECK_STRESS_THREAD_SANITIZER 0
#endif

// Whether this binary was built with ThreadSanitizer.
constexpr bool built_with_thread_sanitizer() { return ORDERCHECK_STRESS_THREAD_SANITIZER == 1; }

}  // namespace ordercheck::stress
