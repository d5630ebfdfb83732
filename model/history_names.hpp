// history_names: stable names for the addresses in a Relacy history, so a
// report reads "buffer" or "object#2+8" instead of 0x56267f51c730 and is the
// same, byte for byte, on every run of the same seed.
//
//  - Heap objects are named in allocation order (object#1, object#2, ...),
//    or by the name the scenario registered (Sync::name_object: an
//    "object name: addr=..., name=..." event); an address inside an object is
//    "name+offset".
//  - Any other address (a scenario's member variables, Relacy's own objects)
//    is named var#1, var#2, ... in order of first appearance.
//  - 0 stays 0 (a null pointer).
//
// The history is read twice. First pass: allocated() and named() for each
// allocation and naming event, in order, so a name registered after the
// object's first use names it everywhere. Second pass: rewind(), then
// next_allocation() at each allocation event and name_of()/rewrite() for the
// events' addresses; an address freed and allocated again names the new
// object from its allocation on.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ordercheck::model {

class history_names {
 public:
  // First pass: a "memory allocation: addr=A, size=N" event.
  void allocated(std::uintptr_t address, std::size_t size);
  // First pass: an "object name: addr=A, name=N" event names the object
  // holding A (the latest allocated so far).
  void named(std::uintptr_t address, const std::string& name);

  // Second pass.
  void rewind() { visible_ = 0; }
  // At most as many as allocated() registered: an extra call (the passes
  // disagreeing on an event) names nothing new instead of reading past them.
  void next_allocation() {
    if (visible_ < objects_.size()) ++visible_;
  }
  // The name of an address (assigning var#N to one seen for the first time).
  std::string name_of(std::uintptr_t address);
  // The object holding the address (allocation index), or -1.
  int object_of(std::uintptr_t address) const;
  // Every 0x... token of `text`, and every decimal one of 12 digits or more
  // (an address held in an integer), replaced by its name.
  std::string rewrite(const std::string& text);

 private:
  int find(std::uintptr_t address, std::size_t among) const;
  struct object {
    std::uintptr_t begin = 0;
    std::size_t size = 0;
    std::string name;
  };
  std::vector<object> objects_;  // in allocation order; later ones shadow earlier ones
  std::size_t visible_ = 0;      // second pass: allocations seen so far
  std::vector<std::uintptr_t> others_;  // var#N is others_[N-1]
};

// "0x1f" -> 31; false when `text` is not a hexadecimal number with the 0x prefix.
bool parse_address(const std::string& text, std::uintptr_t& out);

}  // namespace ordercheck::model
