// libFuzzer target: the ThreadSanitizer report parser (parse_tsan_reports),
// which reads whatever a child process left in its TSan log. No input may
// crash it, overflow or hit undefined behaviour (built with ASan and UBSan).
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>

#include "tsan/tsan_report.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    static_cast<void>(ordercheck::stress::parse_tsan_reports(text));
  } catch (const std::exception&) {
    // A refusal is allowed; a crash is not.
  }
  return 0;
}
