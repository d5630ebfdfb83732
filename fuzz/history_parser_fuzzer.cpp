// libFuzzer target: the Relacy history parser (parse_history), which reads the
// text Relacy prints for a failing execution. Its header promises that no
// input makes it throw or crash, so here even an exception is a finding (it
// escapes and libFuzzer reports it); no input may overflow the stack or hit
// undefined behaviour either (built with ASan and UBSan).
#include <cstddef>
#include <cstdint>
#include <string>

#include "history_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  static_cast<void>(ordercheck::model::parse_history(text, "/src/"));
  return 0;
}
