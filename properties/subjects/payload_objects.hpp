// Python objects with a plain payload, for the payload cells of the subjects
// that hand out objects (handle_cache's handles, owner_tag's wrappers; issue 11
// part 5). The object made for identity `fresh` holds `fresh` in plain bytes
// (Sync::plain), written by its creator before the primitive publishes it;
// whoever gets the object reads them. The code under test must order that
// write before every read: in Relacy a weakened publication order is a data
// race, and a reader that sees unwritten bytes reports identity 0, which no
// model allows. The objects without payload (fake_object in interpreter_pair.hpp)
// are never dereferenced.
//
// Memory ordering: none of its own. The payload is plain data on purpose.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <type_traits>

#include "ordercheck/interpreter.hpp"
#include "subjects/interpreter_pair.hpp"

namespace ordercheck::properties {

template <class Sync, bool WithPayload>
class payload_objects {
 public:
  // One object per operation of a program: Relacy programs have at most 2 + 4 x 8.
  static constexpr std::size_t capacity = 40;

  // The object for identity `fresh` (1-based), its payload written. Without
  // payload: fake_object(fresh), nothing written. Throws std::length_error
  // when `fresh` is not below `capacity`.
  python_object* create(std::uint64_t fresh) {
    if constexpr (!WithPayload) {
      return fake_object(fresh);
    } else {
      if (fresh >= capacity) throw std::length_error("payload_objects: more operations than objects");
      object& o = objects_[fresh];
      o.identity.store(fresh);  // plain write: the creator's, before publication
      return reinterpret_cast<python_object*>(&o);
    }
  }

  // The identity `object` stands for. With payload: the one its bytes hold
  // (a plain read; 0 if its creator's write is not visible). Takes an object
  // create() returned.
  std::uint64_t identity(const python_object* handed_out) const {
    if constexpr (!WithPayload) {
      return identity_of(handed_out);
    } else {
      return reinterpret_cast<const object*>(handed_out)->identity.load();  // plain read
    }
  }

 private:
  // Aligned so owner_tag's ownership bit (bit 0) stays free.
  struct alignas(8) object {
    typename Sync::template plain<std::uint64_t> identity{0};
  };
  struct none {};
  [[no_unique_address]] std::conditional_t<WithPayload, object[capacity], none> objects_{};
};

}  // namespace ordercheck::properties
