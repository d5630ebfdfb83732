// history_stream: an std::ostream for Relacy's reports whose buffer never goes
// through operator new.
//
// Relacy replaces the global allocation functions; inside a simulation they
// allocate from the simulation's heap and free into it. A std::ostringstream
// whose buffer was allocated outside the simulation and grown inside it frees a
// libc block into Relacy's heap and aborts. This stream's buffer is managed with
// malloc/realloc/free directly (history_stream.cpp, compiled without Relacy), so
// it works inside, outside and across simulations.
#pragma once

#include <ostream>
#include <streambuf>
#include <string>

namespace ordercheck {

class malloc_stringbuf : public std::streambuf {
 public:
  malloc_stringbuf() = default;  // not copyable: std::streambuf is not
  ~malloc_stringbuf() override;

  // What was written since the last clear().
  std::string text() const;
  void clear();

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* data, std::streamsize count) override;

 private:
  bool reserve(std::size_t extra);
  char* buffer_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

class history_stream : public std::ostream {
 public:
  history_stream() : std::ostream(&buffer_) {}
  std::string text() const { return buffer_.text(); }
  void clear() { buffer_.clear(); }

 private:
  malloc_stringbuf buffer_;
};

}  // namespace ordercheck
