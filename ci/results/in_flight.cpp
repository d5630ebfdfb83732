#include "in_flight.hpp"

#include <cstdlib>
#include <exception>

#include "atomic_file.hpp"

namespace ordercheck::results {

void announce_in_flight(const std::string& check) noexcept {
  const char* path = std::getenv("ORDERCHECK_IN_FLIGHT");
  if (path == nullptr || *path == '\0') return;
  try {
    write_file_atomically(path, check + "\n");
  } catch (const std::exception&) {
    // A diagnostic only: the gate then says less about a timeout.
  }
}

}  // namespace ordercheck::results
