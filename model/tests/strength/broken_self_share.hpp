// Broken fixture for the aliasing shape: refcounted sharing whose
// new_storage_from drops the destination's old buffer before it takes the new
// count (caught only by self_share_while_releasing). It lives with the
// subject's property fixtures, which the properties layer's Relacy cell uses
// too; this header names it for the strength test.
#pragma once

#include "ordercheck/refcounted_deleter/properties/fixture.hpp"

namespace ordercheck::model::strength {

template <class Sync>
using reset_destination_first_sharing = properties::fixtures::reset_destination_first<Sync>;

}  // namespace ordercheck::model::strength
