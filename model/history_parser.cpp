#include "history_parser.hpp"

#include <array>
#include <charconv>
#include <sstream>
#include <utility>

#include "history_names.hpp"

namespace ordercheck::model {
namespace {

using results::verdict;

// Relacy's result strings (relacy/test_result.hpp) and their verdicts.
constexpr std::array<std::pair<const char*, verdict>, 26> relacy_results{{
    {"DATA RACE", verdict::data_race},
    {"ACCESS TO FREED MEMORY", verdict::use_after_free},
    {"DOUBLE FREE", verdict::double_free},
    {"ACCESS TO UNINITIALIZED VARIABLE", verdict::uninitialized_read},
    {"USER ASSERT FAILED", verdict::assertion},
    {"USER INVARIANT FAILED", verdict::assertion},
    {"MEMORY LEAK", verdict::leak},
    {"RESOURCE LEAK", verdict::leak},
    {"DEADLOCK", verdict::deadlock},
    {"LIVELOCK", verdict::livelock},
    // Misuse of a mutex or another primitive: the program broke one of its
    // own rules, as an assertion does (relacy_engine.cpp's classify agrees).
    {"RECURSION ON NON-RECURSIVE MUTEX", verdict::assertion},
    {"UNLOCKING MUTEX W/O OWNERSHIP", verdict::assertion},
    {"DESTROYING OWNED MUTEX", verdict::assertion},
    {"DOUBLE INITIALIZATION OF MUTEX", verdict::assertion},
    {"USAGE OF NON INITIALIZED MUTEX", verdict::assertion},
    {"ATTEMPT TO UPGRADE EXCLUSIVE MUTEX OWNERSHIP TO SHARED", verdict::assertion},
    {"ATTEMPT TO UPGRADE SHARED MUTEX OWNERSHIP TO EXCLUSIVE", verdict::assertion},
    {"DOUBLE INITIALIZATION OF CONDITION VARIABLE", verdict::assertion},
    {"USAGE OF NON INITIALIZED CONDITION VARIABLE", verdict::assertion},
    {"DOUBLE INITIALIZATION OF SEMAPHORE", verdict::assertion},
    {"USAGE OF NON INITIALIZED SEMAPHORE", verdict::assertion},
    {"DOUBLE INITIALIZATION OF EVENT", verdict::assertion},
    {"USAGE OF NON INITIALIZED EVENT", verdict::assertion},
    // Relacy's own trouble: the check could not run as written.
    {"INCONSISTENT TEST SUITE", verdict::engine_error},
    {"UNTIL CONDITION HIT", verdict::engine_error},
    {"UNKNOWN ERROR", verdict::engine_error},
}};

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

// A whole decimal number that fits an int; false otherwise (no exception).
bool parse_int(const std::string& text, int& out) {
  if (text.empty()) return false;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc() && end == text.data() + text.size();
}

// One line of the history, split: "[12] 1: <text>, in <function>, <file>(<line>)".
struct event_line {
  int number = 0;
  int thread = 0;
  std::string text;
  std::string function;
  std::string file;
  int line = 0;
};

// Linear in the line's length, whatever the line.
bool split_event(const std::string& line, event_line& out) {
  if (line.size() < 2 || line.front() != '[' || line.back() != ')') return false;
  const auto close = line.find("] ");
  const auto colon = line.find(": ", close == std::string::npos ? 0 : close);
  if (close == std::string::npos || colon == std::string::npos) return false;
  if (!parse_int(line.substr(1, close - 1), out.number)) return false;
  if (!parse_int(line.substr(close + 2, colon - close - 2), out.thread)) return false;
  const auto open = line.rfind('(');
  if (open == std::string::npos || open < colon) return false;
  if (!parse_int(line.substr(open + 1, line.size() - open - 2), out.line)) return false;
  const auto file_begin = line.rfind(", ", open);
  const auto in = line.find(", in ", colon);
  if (file_begin == std::string::npos || in == std::string::npos || in > file_begin) return false;
  out.text = line.substr(colon + 2, in - colon - 2);
  out.function = in + 5 <= file_begin ? line.substr(in + 5, file_begin - in - 5) : std::string();
  out.file = line.substr(file_begin + 2, open - file_begin - 2);
  return true;
}

std::string relative_file(const std::string& file, const std::string& source_root) {
  if (!source_root.empty() && starts_with(file, source_root)) {
    std::string rest = file.substr(source_root.size());
    while (!rest.empty() && rest.front() == '/') rest.erase(0, 1);
    return rest;
  }
  // Compiled with paths relative to the build folder (ccache's
  // CCACHE_BASEDIR rewrites them so): "../../impl/..." is "impl/...", for
  // the repository's own top folders.
  std::string rest = file;
  while (starts_with(rest, "../") || starts_with(rest, "./")) rest.erase(0, rest.find('/') + 1);
  for (const char* top : {"impl/", "model/", "stress/", "properties/", "ci/"}) {
    if (rest != file && starts_with(rest, top)) return rest;
  }
  return file;
}

// "ptr_or<lambda ...>" -> "ptr_or": template arguments only make lines long.
std::string plain_function(const std::string& function) {
  const auto angle = function.find('<');
  return angle == std::string::npos || angle == 0 ? function : function.substr(0, angle);
}

std::string field(const std::string& text, const std::string& name) {
  const auto at = text.find(name + "=");
  if (at == std::string::npos) return {};
  const auto begin = at + name.size() + 1;
  const auto end = text.find(", ", begin);
  return text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

enum class access_kind { none, read, write, read_write, sync };

struct event_kind {
  std::string operation;
  std::string value;
  std::string order;
  access_kind access = access_kind::none;  // of a variable (its address is in <...>)
};

// "acquire fence" / "compiler seq_cst fence" -> "acquire" / "seq_cst".
std::string fence_order(const std::string& text) {
  const auto end = text.find(" fence");
  if (end == std::string::npos) return {};
  const auto space = text.rfind(' ', end == 0 ? 0 : end - 1);
  const auto begin = space == std::string::npos || space >= end ? 0 : space + 1;
  return text.substr(begin, end - begin);
}

event_kind classify_event(const std::string& text, const std::string& failure) {
  auto has = [&](const char* s) { return text.find(s) != std::string::npos; };
  const std::string order = field(text, "order");
  if (!failure.empty() && starts_with(text, failure)) return {"failure", "", "", access_kind::none};
  if (!text.empty() && text.front() == '[') return {"phase", "", "", access_kind::none};
  if (starts_with(text, "store intent, ")) return {"store intent", field(text, "value"), "", access_kind::none};
  if (starts_with(text, "object name: ")) return {"object name", field(text, "name"), "", access_kind::none};
  if (has(" atomic load")) return {"load", field(text, "value"), order, access_kind::read};
  if (has(" atomic store")) return {"store", field(text, "value"), order, access_kind::write};
  if (has(" CAS ")) {
    const std::string outcome = has(" CAS succ") ? "succeeded" : "failed";
    return {"compare_exchange",
            outcome + ": saw " + field(text, "orig") + ", expected " + field(text, "cmp") + ", desired " +
                field(text, "xchg"),
            order, has(" CAS succ") ? access_kind::read_write : access_kind::read};
  }
  for (const char* rmw : {"exchange", "fetch_add", "fetch_sub", "fetch_and", "fetch_or", "fetch_xor"}) {
    if (has((std::string("> ") + rmw + " ").c_str())) {
      return {rmw, field(text, "prev") + " -> " + field(text, "new"), order, access_kind::read_write};
    }
  }
  if (has("> load, value=")) return {"plain load", field(text, "value"), "", access_kind::read};
  if (has("> store, value=")) return {"plain store", field(text, "value"), "", access_kind::write};
  // Relacy names the freed variable a use after free touched, not how.
  if (has("> access to freed memory")) return {"access", "", "", access_kind::read};
  if (has("mutex: exclusive lock")) return {"mutex lock", "", "", access_kind::sync};
  if (has("mutex: exclusive unlock")) return {"mutex unlock", "", "", access_kind::sync};
  if (has("mutex: ")) return {"mutex", "", "", access_kind::sync};
  if (has("memory allocation")) return {"allocate", field(text, "addr"), "", access_kind::none};
  if (has("memory deallocation")) return {"free", field(text, "addr"), "", access_kind::none};
  if (has(" fence")) return {"fence", "", fence_order(text), access_kind::none};
  if (has("yield(")) return {"yield", "", "", access_kind::none};
  if (has("blocking current thread")) return {"block", "", "", access_kind::none};
  if (has("unblocking thread")) return {"unblock", "", "", access_kind::none};
  return {"event", "", "", access_kind::none};
}

std::string address_text(const std::string& text) {
  if (text.empty() || text.front() != '<') return {};
  const auto end = text.find('>');
  return end == std::string::npos ? std::string() : text.substr(1, end - 1);
}

// One event of the history before naming: its parts and the raw address it
// touches (a variable's, or the block an allocation/free names).
struct raw_event {
  event_line line;
  event_kind kind;
  std::uintptr_t address = 0;
  bool has_address = false;
};

// The header: the line before "iteration: N" is Relacy's failure line
// (progress lines such as "0% (65536/42145415168)" come before it).
std::string failure_line(const std::vector<std::string>& lines, std::size_t history_start) {
  for (std::size_t i = 1; i < history_start && i < lines.size(); ++i) {
    if (starts_with(lines[i], "iteration: ")) return lines[i - 1];
  }
  return {};
}

results::site site_of(const results::step& s, const std::string& role) {
  results::site out;
  out.file = s.file;
  out.line = s.line;
  out.operation = s.operation;
  out.order = s.order;
  out.role = role;
  out.step = s.step;
  out.object = s.object;
  return out;
}

bool conflicts(access_kind a, access_kind b) {
  auto writes = [](access_kind k) { return k == access_kind::write || k == access_kind::read_write; };
  auto touches = [](access_kind k) { return k != access_kind::none && k != access_kind::sync; };
  return touches(a) && touches(b) && (writes(a) || writes(b));
}

// The index of the other access of a race at `failing` (or npos): see the header.
std::size_t race_partner(const std::vector<raw_event>& events, std::size_t failing) {
  const raw_event& f = events[failing];
  const bool racing_load = f.kind.access == access_kind::read;
  for (std::size_t i = failing; i-- > 0;) {
    const raw_event& e = events[i];
    if (!e.has_address || e.address != f.address || !conflicts(e.kind.access, f.kind.access)) continue;
    if (racing_load) return e.line.thread == f.line.thread ? std::string::npos : i;  // the latest store
    if (e.line.thread != f.line.thread) return i;
  }
  return std::string::npos;
}

}  // namespace

results::verdict failure_kind(const std::string& failure_line) {
  if (failure_line.empty()) return verdict::error;
  for (const auto& [text, kind] : relacy_results) {
    if (starts_with(failure_line, text)) return kind;
  }
  return verdict::engine_error;
}

parsed_history parse_history(const std::string& relacy_text, const std::string& source_root) {
  parsed_history parsed;
  std::vector<std::string> lines;
  {
    std::istringstream in(relacy_text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }
  std::size_t history_start = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (starts_with(lines[i], "execution history")) {
      history_start = i;
      break;
    }
  }
  parsed.failure = failure_line(lines, history_start);
  parsed.kind = failure_kind(parsed.failure);

  // Events, up to the blank line (the per-thread views after it repeat them).
  std::vector<raw_event> events;
  history_names names;
  for (std::size_t i = history_start + 1; i < lines.size() && !lines[i].empty(); ++i) {
    raw_event e;
    if (!split_event(lines[i], e.line)) continue;
    e.line.file = relative_file(e.line.file, source_root);
    e.kind = classify_event(e.line.text, parsed.failure);
    const std::string& op = e.kind.operation;
    if (e.line.file.find("relacy/") != std::string::npos && op != "phase" && op != "failure") {
      continue;  // Relacy's own bookkeeping (an atomic's constructor)
    }
    std::uintptr_t size = 0;
    if (op == "allocate" || op == "free" || op == "object name") {
      e.has_address = parse_address(field(e.line.text, "addr"), e.address);
    } else if (e.kind.access != access_kind::none) {
      e.has_address = parse_address(address_text(e.line.text), e.address);
    }
    if (op == "allocate" && e.has_address) {
      const std::string size_text = field(e.line.text, "size");
      std::from_chars(size_text.data(), size_text.data() + size_text.size(), size);
      names.allocated(e.address, static_cast<std::size_t>(size));
    }
    if (op == "object name" && e.has_address) names.named(e.address, e.kind.value);
    events.push_back(std::move(e));
  }

  // Steps, with names for addresses; store intents give the racing store its
  // value, then go (they are the sync policy's, not the program's).
  names.rewind();
  std::vector<raw_event> kept;
  std::string pending_value;
  int pending_thread = -1;
  for (raw_event& e : events) {
    const std::string& op = e.kind.operation;
    if (op == "allocate") names.next_allocation();
    if (op == "object name") continue;
    if (op == "store intent") {
      pending_value = e.kind.value;
      pending_thread = e.line.thread;
      continue;
    }
    const bool phase = op == "phase";
    results::step s;
    s.step = static_cast<int>(parsed.steps.size()) + 1;
    s.thread = e.line.thread;
    s.file = phase ? std::string() : e.line.file;
    s.line = phase ? 0 : e.line.line;
    s.function = phase ? std::string() : plain_function(e.line.function);
    s.operation = op;
    s.order = e.kind.order;
    s.value = names.rewrite(e.kind.value);
    if (op == "plain store" && pending_thread == e.line.thread && !pending_value.empty()) {
      s.value = names.rewrite(pending_value);
    }
    if (op == "plain store") pending_value.clear();
    s.text = names.rewrite(e.line.text);
    if (e.has_address) s.object = names.name_of(e.address);
    parsed.steps.push_back(std::move(s));
    kept.push_back(std::move(e));
  }

  // Sites.
  if (parsed.steps.empty() || parsed.steps.back().operation != "failure") return parsed;
  const std::size_t last = parsed.steps.size() - 1;
  const results::step& failure = parsed.steps[last];
  // The failing access: the failing thread's step just before the failure,
  // when it is at the failure's line (Relacy logs the access, then fails).
  std::size_t failing = last;
  for (std::size_t i = last; i-- > 0;) {
    const results::step& s = parsed.steps[i];
    if (s.thread != failure.thread) continue;
    if (s.file == failure.file && s.line == failure.line && kept[i].has_address) failing = i;
    break;
  }
  const verdict kind = parsed.kind;
  const char* role = kind == verdict::data_race            ? "racing access"
                     : kind == verdict::use_after_free     ? "access to freed memory"
                     : kind == verdict::double_free        ? "second free"
                     : kind == verdict::uninitialized_read ? "uninitialized read"
                                                           : "failure";
  results::site failing_site = site_of(parsed.steps[failing], role);
  if (failing_site.operation == "failure" && kind == verdict::assertion) failing_site.operation = "assertion";
  parsed.sites.push_back(failing_site);

  const raw_event& f = kept[failing];
  if (kind == verdict::data_race && f.has_address) {
    const std::size_t partner = race_partner(kept, failing);
    if (partner != std::string::npos) parsed.sites.push_back(site_of(parsed.steps[partner], "other access"));
  }
  if ((kind == verdict::use_after_free || kind == verdict::double_free) && f.has_address) {
    // The object the access is in, as it was named at that step; its frees before it.
    const std::string object = parsed.steps[failing].object;
    const std::string base = object.substr(0, object.find('+'));
    std::vector<std::size_t> frees;
    for (std::size_t i = 0; i < failing; ++i) {
      if (parsed.steps[i].operation == "free" && parsed.steps[i].object == base) frees.push_back(i);
    }
    if (!frees.empty()) {
      // A use after free: the latest free before it; a double free: the first one.
      const std::size_t at = kind == verdict::double_free ? frees.front() : frees.back();
      parsed.sites.push_back(site_of(parsed.steps[at], kind == verdict::double_free ? "first free" : "freed here"));
    }
  }
  return parsed;
}

}  // namespace ordercheck::model
