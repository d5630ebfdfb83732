// libFuzzer target: the results reader (results::from_json through one JSON
// Lines record). Any input may be refused with an exception; none may crash,
// overflow or hit undefined behaviour (built with ASan and UBSan).
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>

#include "result_record.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string line(reinterpret_cast<const char*>(data), size);
  try {
    const auto record = nlohmann::json::parse(line).get<ordercheck::results::record>();
    static_cast<void>(ordercheck::results::to_json_line(record));
  } catch (const std::exception&) {
    // Refused: the reader's documented answer to bad input.
  }
  return 0;
}
