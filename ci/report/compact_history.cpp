#include "compact_history.hpp"

#include "step_text.hpp"

#include <map>
#include <set>

namespace ordercheck::report {
namespace {

std::string base_object(const std::string& object) { return object.substr(0, object.find('+')); }

bool is_sync(const results::step& s) {
  if (s.operation == "fence" || s.operation.rfind("mutex", 0) == 0) return true;
  return !s.order.empty() && s.order != "relaxed";
}

// "[BEFORE BEGIN]" -> "before()", and the marker that ends it.
struct phase {
  const char* begin;
  const char* end;
  const char* name;
};
constexpr phase phases[] = {{"[CTOR BEGIN]", "[CTOR END]", "construction"},
                            {"[BEFORE BEGIN]", "[BEFORE END]", "before()"},
                            {"[AFTER BEGIN]", "[AFTER END]", "after()"}};

void add_folded(std::vector<compact_row>& rows, const std::vector<const results::step*>& stretch,
                const std::string& text) {
  if (stretch.empty()) return;
  compact_row row;
  row.what = compact_row::kind::folded;
  row.thread = stretch.front()->thread;
  for (const auto* s : stretch) {
    if (s->thread != row.thread) row.thread = -1;
  }
  row.text = text;
  rows.push_back(row);
}

// A lock step of the GIL harness's bracket around each API call (gil_set's
// acquire and release in impl/ordercheck/scenarios/scenario.hpp), not of the
// primitive. A slow path's release and retake of the GIL (the
// gil_released_in_slow contract's point) are not the bracket: they stay.
bool is_gil_bracket_step(const results::step& s) {
  const std::string harness = "scenarios/scenario.hpp";
  const bool in_harness = s.file.size() >= harness.size() &&
                          s.file.compare(s.file.size() - harness.size(), harness.size(), harness) == 0;
  return in_harness && s.operation.rfind("mutex", 0) == 0 && (s.function == "acquire" || s.function == "release");
}

std::string steps_text(std::size_t n) { return std::to_string(n) + (n == 1 ? " step" : " steps"); }

}  // namespace

namespace {

// Numbers the steps shown 1..N, so the swimlane's step column has no gaps
// (the folded lines between them say how many steps they stand for).
std::vector<compact_row> numbered(std::vector<compact_row> rows) {
  int number = 0;
  for (auto& row : rows) {
    if (row.what == compact_row::kind::step) row.number = ++number;
  }
  return rows;
}

std::vector<compact_row> unnumbered_interleaving(const results::record& r, bool full) {
  std::vector<compact_row> rows;
  bool named = false;
  for (const auto& s : r.interleaving) named = named || !s.object.empty();
  if (full || !named) {
    for (const auto& s : r.interleaving) rows.push_back({compact_row::kind::step, &s, 0, s.thread, ""});
    return rows;
  }

  std::set<std::string> locations;
  std::set<int> threads;
  std::vector<bool> site(r.interleaving.size(), false);
  std::vector<bool> repeat(r.interleaving.size(), false);  // a failure line that only repeats its access
  for (std::size_t i = 0; i < r.interleaving.size(); ++i) {
    const auto& s = r.interleaving[i];
    site[i] = !site_role_of(r, s).empty();
    // The failure itself, unless it only repeats the failing access just before it.
    const bool repeats = i > 0 && site[i - 1] && r.interleaving[i - 1].thread == s.thread &&
                         r.interleaving[i - 1].line == s.line;
    if (s.operation == "failure") (repeats ? repeat : site)[i] = true;
    if (!site[i]) continue;
    threads.insert(s.thread);
    if (!s.object.empty()) locations.insert(base_object(s.object));
  }
  for (const auto& s : r.sites) {
    if (!s.object.empty()) locations.insert(base_object(s.object));
  }
  // A failure on no memory location (an assertion): the atomics its
  // threads used are where the other threads' part shows.
  // Only those atomics and frees are shown on them, not plain reads of
  // their neighbouring fields: the assertion names no access to explain.
  const bool inferred = locations.empty();
  if (inferred) {
    for (const auto& s : r.interleaving) {
      const bool atomic = !s.order.empty() && s.operation != "fence";
      if (threads.count(s.thread) != 0 && atomic && !s.object.empty()) locations.insert(base_object(s.object));
    }
  }
  std::map<std::string, std::set<int>> users;  // location -> the threads that touch it
  for (const auto& s : r.interleaving) {
    if (!s.object.empty()) users[base_object(s.object)].insert(s.thread);
  }
  auto kept = [&](std::size_t i) {
    const auto& s = r.interleaving[i];
    if (site[i]) return true;
    const bool plain_read = s.order.empty() && s.operation != "free";
    if (inferred && plain_read && s.operation != "fence" && s.operation.rfind("mutex", 0) != 0) return false;
    // Nor the GIL's bracket around each API call: every call takes it, and an
    // assertion's story is in the primitive's own steps (--full-history has them).
    if (inferred && is_gil_bracket_step(s)) return false;
    if (!s.object.empty() && locations.count(base_object(s.object)) != 0) return true;
    // A lock or atomic that only this thread ever touches (another
    // interpreter's GIL) orders nothing between threads.
    const bool one_thread = !s.object.empty() && users[base_object(s.object)].size() < 2;
    return threads.count(s.thread) != 0 && is_sync(s) && !one_thread;
  };

  std::vector<const results::step*> skipped;
  auto flush = [&] {
    add_folded(rows, skipped, "... " + steps_text(skipped.size()) + " on other locations");
    skipped.clear();
  };
  for (std::size_t i = 0; i < r.interleaving.size(); ++i) {
    const auto& s = r.interleaving[i];
    // A set-up or tear-down phase: one line, unless a site is in it.
    const phase* p = nullptr;
    for (const auto& candidate : phases) {
      if (s.operation == "phase" && s.text == candidate.begin) p = &candidate;
    }
    if (p != nullptr) {
      std::size_t end = i + 1;
      bool has_site = false;
      while (end < r.interleaving.size() && r.interleaving[end].text != p->end) has_site = has_site || site[end++];
      if (!has_site) {
        flush();
        std::vector<const results::step*> stretch;
        for (std::size_t j = i; j <= end && j < r.interleaving.size(); ++j) stretch.push_back(&r.interleaving[j]);
        if (end > i + 1) add_folded(rows, stretch, std::string(p->name) + ": " + steps_text(end - i - 1));
        i = end;
        continue;
      }
    }
    if (repeat[i]) continue;
    if (kept(i)) {
      flush();
      rows.push_back({compact_row::kind::step, &s, 0, s.thread, ""});
    } else {
      skipped.push_back(&s);
    }
  }
  flush();
  return rows;
}

}  // namespace

std::vector<compact_row> compact_interleaving(const results::record& r, bool full) {
  return numbered(unnumbered_interleaving(r, full));
}

std::size_t shown_steps(const std::vector<compact_row>& rows) {
  std::size_t n = 0;
  for (const auto& row : rows) n += row.what == compact_row::kind::step ? 1 : 0;
  return n;
}

}  // namespace ordercheck::report
