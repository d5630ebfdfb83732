// Escaping for XML and HTML text and attributes (JUnit and HTML reports).
#pragma once

#include <string>

namespace ordercheck::report {

// &, <, >, ", ' as entities; control characters XML forbids become '?'.
std::string xml_escape(const std::string& text);

}  // namespace ordercheck::report
