// The real-thread cells: every subject's reference variant (expected to pass
// under every contract), its upstream variant (expected to show its known
// defect, found with a measured, machine-dependent rate), and one broken
// fixture per subject (expected to be found every time: their defects show
// in any order of operations).
#include "cells/linearizability_cell.hpp"
#include "fixtures/broken_code_context.hpp"
#include "fixtures/broken_handle_cache.hpp"
#include "fixtures/broken_owner_tag.hpp"
#include "fixtures/broken_refcounted_deleter.hpp"
#include "ordercheck/code_context/reference.hpp"
#include "ordercheck/code_context/upstream.hpp"
#include "ordercheck/handle_cache/reference.hpp"
#include "ordercheck/handle_cache/upstream.hpp"
#include "ordercheck/owner_tag/reference.hpp"
#include "ordercheck/owner_tag/upstream.hpp"
#include "ordercheck/refcounted_deleter/reference.hpp"
#include "ordercheck/sync/std_sync.hpp"
#include "subjects/code_context_spec.hpp"
#include "subjects/handle_cache_spec.hpp"
#include "subjects/owner_tag_spec.hpp"
#include "subjects/refcounted_deleter_spec.hpp"

namespace ordercheck::properties {
namespace {

using results::verdict;
using S = std_sync;
constexpr contract gil = contract::gil;
constexpr contract released = contract::gil_released_in_slow;
constexpr contract free_threaded = contract::free_threaded;
const std::vector<verdict> passes = {verdict::pass};
const std::vector<verdict> violates = {verdict::linearizability_violation};
const operation_menu agreed{true};

template <contract C>
using owner_reference = owner_tag_spec::system<S, reference::owner_tag<S>, C>;
template <contract C>
using owner_upstream = owner_tag_spec::system<S, upstream::owner_tag<S>, C>;
template <contract C>
using cache_reference = handle_cache_spec::system<S, reference::handle_cache<S>, C>;
template <contract C>
using cache_upstream = handle_cache_spec::system<S, upstream::handle_cache<S>, C>;

}  // namespace

std::vector<property_cell> real_thread_cells() {
  std::vector<property_cell> cells;
  // owner_tag
  cells.push_back(linearizability_cell<owner_tag_spec, owner_reference<gil>>("reference", "gil", passes, false));
  cells.push_back(linearizability_cell<owner_tag_spec, owner_reference<free_threaded>>("reference", "free_threaded", passes, false));
  cells.push_back(linearizability_cell<owner_tag_spec, owner_upstream<gil>>("upstream", "gil", passes, false, agreed));
  cells.push_back(linearizability_cell<owner_tag_spec, owner_upstream<free_threaded>>(
      "upstream", "free_threaded", violates, true, agreed, "two_wrappers"));
  cells.push_back(linearizability_cell<owner_tag_spec,
                                       owner_tag_spec::system<S, fixtures::second_tag_overwrites<S>, free_threaded>>(
      "fixture", "free_threaded", violates, false, {}, "second_tag_overwrites"));
  // handle_cache
  cells.push_back(linearizability_cell<handle_cache_spec, cache_reference<gil>>("reference", "gil", passes, false));
  cells.push_back(linearizability_cell<handle_cache_spec, cache_reference<released>>("reference", "gil_released_in_slow", passes, false));
  cells.push_back(linearizability_cell<handle_cache_spec, cache_reference<free_threaded>>("reference", "free_threaded", passes, false));
  cells.push_back(linearizability_cell<handle_cache_spec, cache_upstream<gil>>("upstream", "gil", passes, false));
  cells.push_back(linearizability_cell<handle_cache_spec, cache_upstream<released>>(
      "upstream", "gil_released_in_slow", {verdict::assertion}, true));
  cells.push_back(linearizability_cell<handle_cache_spec, cache_upstream<free_threaded>>(
      "upstream", "free_threaded", {verdict::assertion, verdict::linearizability_violation}, true));
  cells.push_back(linearizability_cell<handle_cache_spec,
                                       handle_cache_spec::system<S, fixtures::never_caches<S>, free_threaded>>(
      "fixture", "free_threaded", violates, false, {}, "never_caches"));
  // refcounted_deleter (upstream's double free is not run on real threads: it
  // frees the context twice; the Relacy cells check it)
  cells.push_back(linearizability_cell<refcounted_deleter_spec,
                                       refcounted_deleter_spec::system<S, reference::refcounted_sharing<S>>>(
      "reference", "free_threaded", passes, false));
  cells.push_back(linearizability_cell<refcounted_deleter_spec,
                                       refcounted_deleter_spec::system<S, fixtures::frees_early<S>>>(
      "fixture", "free_threaded", violates, false, {}, "frees_early"));
  // code_context (each map operation holds the dict's lock, as the GIL makes
  // a single dict operation atomic: gil and free_threaded run the same code)
  cells.push_back(linearizability_cell<code_context_spec,
                                       code_context_spec::system<S, reference::code_context_map<S>>>(
      "reference", "free_threaded", passes, false));
  cells.push_back(linearizability_cell<code_context_spec,
                                       code_context_spec::system<S, upstream::code_context_map<S>>>(
      "upstream", "gil", violates, true, agreed, "lost_insert"));
  cells.push_back(linearizability_cell<code_context_spec,
                                       code_context_spec::system<S, fixtures::get_always_creates<S>>>(
      "fixture", "free_threaded", violates, false, {}, "get_always_creates"));
  return cells;
}

}  // namespace ordercheck::properties
