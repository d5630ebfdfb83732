// Diff mode: how the atomic sites of impl/ changed between a git revision and
// the working tree, and which subjects' model cells the change touches.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "atomic_site.hpp"
#include "site_inventory.hpp"

namespace ordercheck::orders {

struct site_change {
  enum class kind { order_changed, moved, added, removed };
  kind what = kind::order_changed;
  std::optional<atomic_site> before;
  std::optional<atomic_site> after;
  // order_changed: "weakened", "strengthened" or "changed" (incomparable: acquire <-> release)
  std::string direction;
};
const char* change_name(site_change::kind what);

// Pairs the sites of each file in order of appearance by (operation, atomic,
// enclosing function), so a site that only moved lines is matched with
// itself; unpaired sites are added or removed. Unchanged sites are left out.
std::vector<site_change> diff_sites(const std::vector<atomic_site>& before, const std::vector<atomic_site>& after);

// The subjects whose model cells a change touches: those owning a file that
// differs; a shared file outside the subjects' folders (interpreter.hpp,
// sync/) touches every subject.
std::vector<std::string> touched_subjects(const source_files& before, const source_files& after);

// "weakened", "strengthened", "changed" or "same".
std::string order_direction(const std::string& operation, const std::string& before, const std::string& after);

}  // namespace ordercheck::orders
