// Compiled without Relacy: malloc, realloc and free here are libc's.
#include "history_stream.hpp"

#include <cstdlib>
#include <cstring>

namespace ordercheck {

malloc_stringbuf::~malloc_stringbuf() { std::free(buffer_); }

std::string malloc_stringbuf::text() const { return std::string(buffer_ ? buffer_ : "", size_); }

void malloc_stringbuf::clear() { size_ = 0; }

bool malloc_stringbuf::reserve(std::size_t extra) {
  if (size_ + extra <= capacity_) return true;
  std::size_t capacity = capacity_ == 0 ? 4096 : capacity_;
  while (capacity < size_ + extra) capacity *= 2;
  char* grown = static_cast<char*>(std::realloc(buffer_, capacity));
  if (grown == nullptr) return false;
  buffer_ = grown;
  capacity_ = capacity;
  return true;
}

malloc_stringbuf::int_type malloc_stringbuf::overflow(int_type ch) {
  if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
  if (!reserve(1)) return traits_type::eof();
  buffer_[size_++] = traits_type::to_char_type(ch);
  return ch;
}

std::streamsize malloc_stringbuf::xsputn(const char* data, std::streamsize count) {
  if (count <= 0) return 0;
  if (!reserve(static_cast<std::size_t>(count))) return 0;
  std::memcpy(buffer_ + size_, data, static_cast<std::size_t>(count));
  size_ += static_cast<std::size_t>(count);
  return count;
}

}  // namespace ordercheck
