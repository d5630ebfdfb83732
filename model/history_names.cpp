#include "history_names.hpp"

#include <cctype>
#include <charconv>

namespace ordercheck::model {

bool parse_address(const std::string& text, std::uintptr_t& out) {
  if (text.size() < 3 || text[0] != '0' || text[1] != 'x') return false;
  const char* end = text.data() + text.size();
  const auto [ptr, error] = std::from_chars(text.data() + 2, end, out, 16);
  return error == std::errc() && ptr == end;
}

void history_names::allocated(std::uintptr_t address, std::size_t size) {
  objects_.push_back({address, size, "object#" + std::to_string(objects_.size() + 1)});
}

void history_names::named(std::uintptr_t address, const std::string& name) {
  const int index = find(address, objects_.size());
  if (index >= 0) objects_[static_cast<std::size_t>(index)].name = name;
}

int history_names::find(std::uintptr_t address, std::size_t among) const {
  for (std::size_t i = among; i-- > 0;) {
    const object& o = objects_[i];
    // An object of size 0 still has an address; one past the end is not in it.
    if (address >= o.begin && (address < o.begin + o.size || address == o.begin)) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

int history_names::object_of(std::uintptr_t address) const { return find(address, visible_); }

std::string history_names::name_of(std::uintptr_t address) {
  if (address == 0) return "0";
  const int index = object_of(address);
  if (index >= 0) {
    const object& o = objects_[static_cast<std::size_t>(index)];
    const std::uintptr_t offset = address - o.begin;
    return offset == 0 ? o.name : o.name + "+" + std::to_string(offset);
  }
  for (std::size_t i = 0; i < others_.size(); ++i) {
    if (others_[i] == address) return "var#" + std::to_string(i + 1);
  }
  others_.push_back(address);
  return "var#" + std::to_string(others_.size());
}

std::string history_names::rewrite(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const bool at_word = i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]));
    // An address printed in decimal (a uintptr_t value): 12 digits or more.
    if (at_word && std::isdigit(static_cast<unsigned char>(text[i])) && text.compare(i, 2, "0x") != 0) {
      std::size_t end = i;
      while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
      std::uintptr_t address = 0;
      const auto [ptr, error] = std::from_chars(text.data() + i, text.data() + end, address);
      const bool word_ends = end == text.size() || !std::isalnum(static_cast<unsigned char>(text[end]));
      if (end - i >= 12 && word_ends && error == std::errc() && ptr == text.data() + end) {
        out += name_of(address);
      } else {
        out += text.substr(i, end - i);
      }
      i = end;
      continue;
    }
    const bool starts_token = text.compare(i, 2, "0x") == 0 && at_word;
    if (!starts_token) {
      out += text[i++];
      continue;
    }
    std::size_t end = i + 2;
    while (end < text.size() && std::isxdigit(static_cast<unsigned char>(text[end]))) ++end;
    std::uintptr_t address = 0;
    if (parse_address(text.substr(i, end - i), address)) {
      out += name_of(address);
    } else {
      out += text.substr(i, end - i);
    }
    i = end;
  }
  return out;
}

}  // namespace ordercheck::model
