// Interpreter identity and the errors shared by the primitives.
//
// An `interpreter` stands for one Python interpreter (a torch::deploy / multipy
// interpreter upstream). Primitives compare interpreters by address and name
// them in errors. `decref` lets a primitive release a Python object through the
// interpreter that owns it (owner_tag::maybe_destroy does).
#pragma once

#include <stdexcept>
#include <string>

namespace ordercheck {

struct python_object;  // opaque: a Python object that a primitive points at

struct interpreter {
  const char* name;
  // Releases one reference to `object` on this interpreter; may be null when
  // the caller never asks a primitive to release anything.
  void (*decref)(const interpreter& self, python_object* object) = nullptr;
  void* user_data = nullptr;
};

// Misuse of a primitive across interpreters: claiming or reading a slot that
// another interpreter owns. The message names both interpreters.
class ownership_error : public std::runtime_error {
 public:
  ownership_error(const char* action, const interpreter* self, const interpreter* owner)
      : std::runtime_error(std::string("cannot ") + action + " on interpreter '" +
                           name_of(self) + "': the object is already owned by interpreter '" +
                           name_of(owner) + "'"),
        self_(self),
        owner_(owner) {}

  const interpreter* self() const noexcept { return self_; }
  const interpreter* owner() const noexcept { return owner_; }

 private:
  static std::string name_of(const interpreter* i) { return i && i->name ? i->name : "<none>"; }
  const interpreter* self_;
  const interpreter* owner_;
};

}  // namespace ordercheck
