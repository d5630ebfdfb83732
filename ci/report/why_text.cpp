#include "why_text.hpp"

#include "step_text.hpp"

#include <string_view>

namespace ordercheck::report {
namespace {

using results::step;

bool starts_with(std::string_view text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

std::string base_object(const std::string& object) { return object.substr(0, object.find('+')); }

bool is_atomic(const step& s) { return !s.order.empty() && s.operation != "fence"; }

bool is_rmw(const step& s) { return s.operation == "exchange" || starts_with(s.operation, "fetch_"); }

bool is_cas(const step& s) { return starts_with(s.operation, "compare_exchange"); }

// The value an atomic write stored, or "" if it stored none (a failed CAS).
std::string written_value(const step& s) {
  if (s.operation == "store") return s.value;
  if (is_rmw(s)) {
    const auto arrow = s.value.find(" -> ");
    return arrow == std::string::npos ? "" : s.value.substr(arrow + 4);
  }
  if (is_cas(s) && starts_with(s.value, "succeeded")) {
    const auto desired = s.value.find("desired ");
    return desired == std::string::npos ? "" : s.value.substr(desired + 8);
  }
  return "";
}

// The value an atomic read returned, or "" when it is not a read.
std::string read_value(const step& s) {
  if (s.operation == "load") return s.value;
  if (is_rmw(s)) return s.value.substr(0, s.value.find(" -> "));
  if (is_cas(s)) {
    const auto saw = s.value.find("saw ");
    if (saw == std::string::npos) return "";
    const auto end = s.value.find(',', saw);
    return s.value.substr(saw + 4, end == std::string::npos ? std::string::npos : end - saw - 4);
  }
  return "";
}

bool is_release(const std::string& order) { return order == "release" || order == "acq_rel" || order == "seq_cst"; }
bool is_acquire(const std::string& order) { return order == "acquire" || order == "acq_rel" || order == "seq_cst"; }

std::string described(const step& s) {
  // Relacy names a failing access by the failure alone.
  std::string what = s.operation == "failure" ? "access" : s.operation + (s.order.empty() ? "" : " " + s.order);
  return "thread " + std::to_string(s.thread) + "'s " + what + " at " + short_path(s.file) + ":" + std::to_string(s.line);
}

const step* step_numbered(const results::record& r, int number) {
  for (const auto& s : r.interleaving) {
    if (s.step == number) return &s;
  }
  return nullptr;
}

const step* site_step(const results::record& r, std::string_view role) {
  for (const auto& site : r.sites) {
    if (site.role == role && site.step > 0) return step_numbered(r, site.step);
  }
  return nullptr;
}

// The thread's access the failure is about: the failing step, or the access
// just before it on the same thread and line when the failure line repeats it.
const step* access_of(const results::record& r, const step* s) {
  if (s == nullptr || s->operation != "failure") return s;
  const step* before = nullptr;
  for (const auto& other : r.interleaving) {
    if (other.step >= s->step) break;
    if (other.thread == s->thread && other.line == s->line && other.operation != "event") before = &other;
  }
  return before != nullptr ? before : s;
}

struct edge {
  const step* write = nullptr;  // thread E's, after its access
  const step* read = nullptr;   // thread L's, before its access, reading from `write`
};

// The latest read of thread L before `later` that reads from a write thread E
// made after `earlier` (same location, the value it returned, the latest such
// write before the read).
edge reads_from_edge(const results::record& r, const step& earlier, const step& later) {
  edge found;
  for (const auto& read : r.interleaving) {
    if (read.step >= later.step) break;
    if (read.thread != later.thread || !is_atomic(read) || read.object.empty()) continue;
    const std::string value = read_value(read);
    if (value.empty()) continue;
    const step* source = nullptr;
    for (const auto& write : r.interleaving) {
      if (write.step >= read.step) break;
      if (!is_atomic(write) || base_object(write.object) != base_object(read.object)) continue;
      if (written_value(write) == value) source = &write;
    }
    if (source != nullptr && source->thread == earlier.thread && source->step > earlier.step) found = {source, &read};
  }
  return found;
}

}  // namespace

std::string why_text(const results::record& r) {
  if (r.layer != "model") return "";
  const bool race = r.observed == results::verdict::data_race;
  const bool freed = r.observed == results::verdict::use_after_free;
  if (!race && !freed) return "";
  const step* earlier = nullptr;
  const step* later = nullptr;
  if (race) {
    earlier = access_of(r, site_step(r, "other access"));
    later = access_of(r, site_step(r, "racing access"));
    if (earlier != nullptr && later != nullptr && earlier->step > later->step) std::swap(earlier, later);
  } else {
    later = access_of(r, site_step(r, "access to freed memory"));
    // The free: the latest one by another thread before the access.
    for (const auto& s : r.interleaving) {
      if (later == nullptr || s.step >= later->step) break;
      if (s.operation == "free" && s.thread != later->thread) earlier = &s;
    }
  }
  if (earlier == nullptr || later == nullptr || earlier->thread == later->thread) return "";

  const std::string unordered = described(*earlier) + " is not ordered before " + described(*later);
  const edge e = reads_from_edge(r, *earlier, *later);
  const std::string e_thread = "thread " + std::to_string(earlier->thread);
  const std::string l_thread = "thread " + std::to_string(later->thread);
  if (e.read == nullptr && freed) {
    return "why: " + e_thread + " freed " + earlier->value + " at " + short_path(earlier->file) + ":" +
           std::to_string(earlier->line) + " and " + described(*later) + " came after it; no atomic operation of " +
           l_thread + " read a value " + e_thread + " wrote after the free, so no memory order repairs this: the logic " +
           "lets both threads go on with the object";
  }
  if (e.read == nullptr) {
    return "why: no atomic operation of " + l_thread + " before its access read a value " + e_thread +
           " wrote after its own, so " + unordered + ": nothing synchronizes the two threads there, so no single " +
           "order repairs it";
  }
  const bool release = is_release(e.write->order), acquire = is_acquire(e.read->order);
  if (release && acquire) {
    return "why: " + described(*e.read) + " read " + described(*e.write) + " and synchronizes with it, so " +
           described(*earlier) + " is ordered before " + described(*later) + ": the access itself is the defect";
  }
  const std::string missing = !release && !acquire ? "neither is release/acquire"
                              : !release           ? "the write is " + e.write->order + ", not release"
                                                   : "the read is " + e.read->order + ", not acquire";
  return "why: " + described(*e.read) + " read " + described(*e.write) + ", but " + missing + ", so " + unordered;
}

}  // namespace ordercheck::report
