// One atomic call site in impl/: where it is, what it does and which order it
// declares. Its id is the string model/call_site.hpp formats for the same
// call ("impl/<path>:<line>:<operation>"), so a site found by reading the
// source names the same thing as a site the models reached or an override.
#pragma once

#include <string>
#include <vector>

namespace ordercheck::orders {

struct atomic_site {
  std::string file;       // from the repository root: impl/ordercheck/...
  int line = 0;           // the line gcc's __builtin_LINE() gives the call
  std::string operation;  // load, store, exchange, fetch_*, compare_exchange,
                          // compare_exchange_failure, fence
  std::string order;      // the declared order: relaxed ... seq_cst
  // For compare_exchange_failure: the declared success order of the same call
  // (a failure order is never weaker-ordered past it); empty otherwise.
  std::string success_order;
  std::string object;   // the atomic it acts on, by member name (tag_, count); "" for fences
  std::string function;  // the enclosing function, when the parser can tell
  std::string subject;   // owner_tag, handle_cache, refcounted_deleter, code_context
  // reference, upstream, or both (a shared file such as storage.hpp);
  // "scenario" for the scenarios' own atomics (the harness, not the subject).
  std::vector<std::string> variants;

  std::string id() const { return file + ":" + std::to_string(line) + ":" + operation; }
  bool belongs_to(const std::string& variant) const;
};

// The subject and variants a file under impl/ordercheck/ belongs to, from its
// path: <subject>/reference.hpp -> {subject, {reference}}; <subject>/other.hpp
// -> {subject, {reference, upstream}}; scenarios/<subject>_scenarios.hpp ->
// {subject, {scenario}}; anything else -> {"", {}} (shared by every subject).
struct file_owner {
  std::string subject;
  std::vector<std::string> variants;
};
file_owner owner_of(const std::string& file);

}  // namespace ordercheck::orders
