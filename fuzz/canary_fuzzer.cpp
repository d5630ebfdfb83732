// Negative control for the fuzz targets: a "parser" with a planted heap
// overflow (it reads one byte past the input when the input starts with
// "canary"). fuzz_canary_replay replays fuzz/negative_control/, which holds
// that input, and passes only if AddressSanitizer reports the overflow: proof
// that the fuzz build's sanitizers and the corpus replay catch a crash input.
#include <cstddef>
#include <cstdint>
#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size >= 6 && std::memcmp(data, "canary", 6) == 0) {
    volatile std::uint8_t past_the_end = data[size];  // the planted bug
    static_cast<void>(past_the_end);
  }
  return 0;
}
