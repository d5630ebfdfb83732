#include "xml_escape.hpp"

namespace ordercheck::report {

std::string xml_escape(const std::string& text) {
  std::string out;
  for (const unsigned char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 allows no control characters but tab, newline and return.
        if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') {
          out += "?";
        } else {
          out += static_cast<char>(ch);
        }
    }
  }
  return out;
}

}  // namespace ordercheck::report
