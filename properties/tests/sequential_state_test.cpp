// rapidcheck state-machine tests: every subject's reference variant (and its
// upstream variant, on the operations whose sequential semantics agree)
// against its sequential model, with every operation including the error
// paths (ownership_error across interpreters, set_owns on an empty slot,
// releases of empty storages, pops of absent keys, dead keys). Each broken
// fixture must fail, and rapidcheck prints its shrunk command sequence.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "ordercheck/code_context/properties/fixture.hpp"
#include "ordercheck/handle_cache/properties/fixture.hpp"
#include "ordercheck/owner_tag/properties/fixture.hpp"
#include "ordercheck/refcounted_deleter/properties/fixture.hpp"
#include "linearizability/sequential_commands.hpp"
#include "ordercheck/code_context/reference.hpp"
#include "ordercheck/code_context/upstream.hpp"
#include "ordercheck/handle_cache/reference.hpp"
#include "ordercheck/handle_cache/upstream.hpp"
#include "ordercheck/owner_tag/reference.hpp"
#include "ordercheck/owner_tag/upstream.hpp"
#include "ordercheck/refcounted_deleter/reference.hpp"
#include "ordercheck/refcounted_deleter/upstream.hpp"
#include "ordercheck/sync/std_sync.hpp"
#include "ordercheck/code_context/properties/spec.hpp"
#include "ordercheck/handle_cache/properties/spec.hpp"
#include "ordercheck/owner_tag/properties/spec.hpp"
#include "ordercheck/refcounted_deleter/properties/spec.hpp"

namespace ordercheck::properties {
namespace {

using S = std_sync;
constexpr bool agreed_only = true;

template <class Tag>
using owner_system = owner_tag_spec::system<S, Tag, contract::gil>;
template <class Cache>
using cache_system = handle_cache_spec::system<S, Cache, contract::gil>;
template <class Sharing>
using refcount_system = refcounted_deleter_spec::system<S, Sharing>;
template <class Map>
using context_system = code_context_spec::system<S, Map>;

RC_GTEST_PROP(OwnerTagSequential, ReferenceMatchesModel, ()) {
  check_sequential<owner_tag_spec, owner_system<reference::owner_tag<S>>>();
}
RC_GTEST_PROP(OwnerTagSequential, UpstreamMatchesModelWhereVariantsAgree, ()) {
  check_sequential<owner_tag_spec, owner_system<upstream::owner_tag<S>>, agreed_only>();
}
RC_GTEST_PROP(HandleCacheSequential, ReferenceMatchesModel, ()) {
  check_sequential<handle_cache_spec, cache_system<reference::handle_cache<S>>>();
}
RC_GTEST_PROP(HandleCacheSequential, UpstreamMatchesModel, ()) {
  check_sequential<handle_cache_spec, cache_system<upstream::handle_cache<S>>>();
}
RC_GTEST_PROP(RefcountedDeleterSequential, ReferenceMatchesModel, ()) {
  check_sequential<refcounted_deleter_spec, refcount_system<reference::refcounted_sharing<S>>>();
}
RC_GTEST_PROP(RefcountedDeleterSequential, UpstreamMatchesModel, ()) {
  // One thread never races its own releases: upstream's defect needs two.
  check_sequential<refcounted_deleter_spec, refcount_system<upstream::refcounted_sharing<S>>>();
}
RC_GTEST_PROP(CodeContextSequential, ReferenceMatchesModel, ()) {
  check_sequential<code_context_spec, context_system<reference::code_context_map<S>>>();
}
RC_GTEST_PROP(CodeContextSequential, UpstreamMatchesModel, ()) {
  check_sequential<code_context_spec, context_system<upstream::code_context_map<S>>>();
}

// Negative controls: rc::check returns false, after printing the shrunk
// command sequence (the minimal failing program).
TEST(SequentialNegativeControls, OwnerTagThatLetsASecondTagOverwriteIsCaught) {
  EXPECT_FALSE(rc::check("owner_tag fixture second_tag_overwrites", [] {
    check_sequential<owner_tag_spec, owner_system<fixtures::second_tag_overwrites<S>>>();
  }));
}
TEST(SequentialNegativeControls, HandleCacheThatNeverCachesIsCaught) {
  EXPECT_FALSE(rc::check("handle_cache fixture never_caches", [] {
    check_sequential<handle_cache_spec, cache_system<fixtures::never_caches<S>>>();
  }));
}
TEST(SequentialNegativeControls, RefcountThatFreesEarlyIsCaught) {
  EXPECT_FALSE(rc::check("refcounted_deleter fixture frees_early", [] {
    check_sequential<refcounted_deleter_spec, refcount_system<fixtures::frees_early<S>>>();
  }));
}
TEST(SequentialNegativeControls, CodeContextWhoseGetAlwaysCreatesIsCaught) {
  EXPECT_FALSE(rc::check("code_context fixture get_always_creates", [] {
    check_sequential<code_context_spec, context_system<fixtures::get_always_creates<S>>>();
  }));
}

}  // namespace
}  // namespace ordercheck::properties
