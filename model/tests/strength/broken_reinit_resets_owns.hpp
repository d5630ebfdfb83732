// Broken fixture for the self-application shape of owner_tag: the reference
// slot, except that init clears the ownership bit whenever it returns the
// caller's own wrapper, taking that for a fresh install (which starts
// unowned). Re-initialising a slot with the wrapper it holds is not a fresh
// install: the owned wrapper loses its bit and is never released (caught only
// by reinit_own_wrapper). Where every init installs a wrapper of its own
// (two_wrappers_one_other, ownership_bit), the bit is still clear and the
// slip changes nothing.
#pragma once

#include "ordercheck/owner_tag/reference.hpp"

namespace ordercheck::model::strength {

template <class Sync>
class reinit_resets_owns_slot : public reference::owner_tag<Sync> {
  using base = reference::owner_tag<Sync>;

 public:
  python_object* init(const interpreter* self, python_object* wrapper, interpreter_status status) {
    python_object* installed = base::init(self, wrapper, status);
    if (installed == wrapper) this->set_owns(false);  // the slip: "ours, so just installed"
    return installed;
  }
};

}  // namespace ordercheck::model::strength
