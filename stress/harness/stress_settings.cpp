#include "stress_settings.hpp"

#include <algorithm>
#include <thread>

namespace ordercheck::stress {

unsigned default_thread_count() { return std::max(2u, std::thread::hardware_concurrency()); }

}  // namespace ordercheck::stress
