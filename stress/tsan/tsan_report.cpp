#include "tsan_report.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>

namespace ordercheck::stress {
namespace {

constexpr std::string_view report_start = "WARNING: ThreadSanitizer: ";
constexpr std::string_view summary_start = "SUMMARY: ThreadSanitizer: ";
constexpr std::string_view report_rule = "==================";

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

std::size_t indentation(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

// "... by thread T12:" -> 12; "... by main thread:" -> 0; otherwise -1.
int thread_of(std::string_view header) {
  if (header.find("by main thread") != std::string_view::npos) return 0;
  const std::size_t at = header.find("by thread T");
  if (at == std::string_view::npos) return -1;
  return std::atoi(std::string(header.substr(at + 11)).c_str());
}

// Strips a trailing "(...)" group (the module, the BuildId) from a frame line.
bool strip_trailing_group(std::string_view& text) {
  text = trim(text);
  if (text.empty() || text.back() != ')') return false;
  int depth = 0;
  for (std::size_t i = text.size(); i-- > 0;) {
    if (text[i] == ')') ++depth;
    if (text[i] == '(' && --depth == 0) {
      // The group must be preceded by a space: "f() (module+0x1)" strips
      // "(module+0x1)", never the parameter list of "f()".
      if (i == 0 || text[i - 1] != ' ') return false;
      text = trim(text.substr(0, i));
      return true;
    }
  }
  return false;
}

// "    #3 function /path/file.hpp:45:17 (module+0x12) (BuildId: ab)"
std::optional<tsan_frame> parse_frame(std::string_view line) {
  std::string_view rest = trim(line);
  if (rest.size() < 2 || rest[0] != '#' || !std::isdigit(static_cast<unsigned char>(rest[1]))) return std::nullopt;
  tsan_frame frame;
  std::size_t digits = 1;
  while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits]))) ++digits;
  frame.index = std::atoi(std::string(rest.substr(1, digits - 1)).c_str());
  rest = trim(rest.substr(digits));
  // The module and BuildId groups, from the right.
  for (int groups = 0; groups < 2; ++groups) {
    std::string_view probe = rest;
    if (!strip_trailing_group(probe)) break;
    const std::size_t space = probe.rfind(' ');
    // Only strip it when what is left still ends in a location token.
    if (space == std::string_view::npos) break;
    rest = probe;
  }
  const std::size_t space = rest.rfind(' ');
  if (space == std::string_view::npos) {
    frame.function = std::string(rest);
    return frame;
  }
  std::string_view location = rest.substr(space + 1);
  frame.function = std::string(trim(rest.substr(0, space)));
  if (location == "<null>") return frame;
  // file:line:column or file:line
  std::array<std::size_t, 2> colons{std::string_view::npos, std::string_view::npos};
  colons[0] = location.rfind(':');
  if (colons[0] != std::string_view::npos && colons[0] > 0) colons[1] = location.rfind(':', colons[0] - 1);
  const auto all_digits = [](std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  };
  if (colons[1] != std::string_view::npos && all_digits(location.substr(colons[1] + 1, colons[0] - colons[1] - 1)) &&
      all_digits(location.substr(colons[0] + 1))) {
    frame.file = std::string(location.substr(0, colons[1]));
    frame.line = std::atoi(std::string(location.substr(colons[1] + 1)).c_str());
    frame.column = std::atoi(std::string(location.substr(colons[0] + 1)).c_str());
  } else if (colons[0] != std::string_view::npos && all_digits(location.substr(colons[0] + 1))) {
    frame.file = std::string(location.substr(0, colons[0]));
    frame.line = std::atoi(std::string(location.substr(colons[0] + 1)).c_str());
  } else {
    frame.file = std::string(location);
  }
  return frame;
}

// "Write of size 8 at 0x.. by thread T2:", "Previous atomic read of size 4 ...".
void classify_section(tsan_section& section) {
  std::string_view header = section.header;
  section.thread = thread_of(header);
  if (starts_with(header, "Location is")) {
    section.is_location = true;
    return;
  }
  std::string_view words = header;
  if (starts_with(words, "Previous ")) {
    section.previous = true;
    words.remove_prefix(9);
  }
  std::string operation;
  if (starts_with(words, "atomic ") || starts_with(words, "Atomic ")) {
    operation = "atomic ";
    words.remove_prefix(7);
  }
  if (starts_with(words, "write") || starts_with(words, "Write")) {
    operation += "write";
  } else if (starts_with(words, "read") || starts_with(words, "Read")) {
    operation += "read";
  } else {
    return;
  }
  if (words.find(" at 0x") == std::string_view::npos) return;
  section.operation = operation;
  section.is_access = true;
}

bool in_path(std::string_view file, std::string_view component) {
  return file.find(component) != std::string_view::npos;
}

}  // namespace

std::vector<const tsan_section*> tsan_report::accesses() const {
  std::vector<const tsan_section*> found;
  for (const tsan_section& s : sections) {
    if (s.is_access && !s.previous) found.push_back(&s);
  }
  for (const tsan_section& s : sections) {
    if (s.is_access && s.previous) found.push_back(&s);
  }
  return found;
}

results::verdict verdict_of_tsan_kind(std::string_view kind_text) {
  using results::verdict;
  if (starts_with(kind_text, "data race")) return verdict::data_race;
  if (starts_with(kind_text, "heap-use-after-free")) return verdict::use_after_free;
  if (kind_text.find("double free") != std::string_view::npos ||
      kind_text.find("double-free") != std::string_view::npos) {
    return verdict::double_free;
  }
  if (starts_with(kind_text, "lock-order-inversion") || starts_with(kind_text, "double lock")) {
    return verdict::deadlock;
  }
  if (starts_with(kind_text, "thread leak")) return verdict::leak;
  return verdict::crash;
}

std::vector<tsan_report> parse_tsan_reports(std::string_view text) {
  std::vector<tsan_report> reports;
  tsan_report* current = nullptr;
  tsan_section* section = nullptr;
  std::size_t position = 0;
  while (position < text.size()) {
    std::size_t end = text.find('\n', position);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(position, end - position);
    position = end + 1;

    const std::string_view trimmed = trim(line);
    if (starts_with(trimmed, report_start)) {
      reports.emplace_back();
      current = &reports.back();
      section = nullptr;
      std::string_view kind = trimmed.substr(report_start.size());
      const std::size_t pid = kind.rfind(" (pid=");
      if (pid != std::string_view::npos) kind = kind.substr(0, pid);
      current->kind_text = std::string(kind);
      current->kind = verdict_of_tsan_kind(kind);
      current->text = std::string(line) + "\n";
      continue;
    }
    if (current == nullptr) continue;
    if (trimmed == report_rule) {
      current = nullptr;
      continue;
    }
    current->text += std::string(line) + "\n";
    if (starts_with(trimmed, summary_start)) {
      current->summary = std::string(trimmed.substr(summary_start.size()));
      continue;
    }
    if (trimmed.empty()) continue;
    if (indentation(line) == 2) {
      current->sections.emplace_back();
      section = &current->sections.back();
      std::string_view header = trimmed;
      if (!header.empty() && header.back() == ':') header.remove_suffix(1);
      section->header = std::string(header);
      classify_section(*section);
      continue;
    }
    if (section != nullptr) {
      if (auto frame = parse_frame(line)) section->stack.push_back(std::move(*frame));
    }
  }
  return reports;
}

std::string repository_relative(std::string_view path) {
  std::size_t best = std::string_view::npos;
  for (std::string_view component : {"/impl/", "/stress/", "/model/", "/properties/", "/ci/"}) {
    const std::size_t at = path.rfind(component);
    if (at != std::string_view::npos && (best == std::string_view::npos || at > best)) best = at;
  }
  if (best == std::string_view::npos) return std::string(path);
  return std::string(path.substr(best + 1));
}

std::string short_function_name(std::string_view printed) {
  // Drop template arguments and parameter lists (balanced), then keep the last
  // "::" component: what a reader calls the function.
  std::string flat;
  int angle = 0;
  int paren = 0;
  for (std::size_t i = 0; i < printed.size(); ++i) {
    const char c = printed[i];
    // "operator<", "operator()" and friends keep their symbol.
    if (printed.substr(i, 8) == "operator") {
      std::size_t j = i + 8;
      while (j < printed.size() && std::string_view("()<>=!+-*/&|[]~^%,").find(printed[j]) != std::string_view::npos &&
             j - i < 11) {
        if (printed[j] == '(' && j + 1 < printed.size() && printed[j + 1] == ')') {
          j += 2;
          break;
        }
        ++j;
      }
      if (angle == 0 && paren == 0) flat += printed.substr(i, j - i);
      i = j - 1;
      continue;
    }
    if (c == '<') ++angle;
    else if (c == '>' && angle > 0) --angle;
    else if (c == '(') ++paren;
    else if (c == ')' && paren > 0) --paren;
    else if (angle == 0 && paren == 0) flat += c;
  }
  std::string_view name = trim(flat);
  // Trailing qualifiers of a member function: "f() const" -> "f".
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (std::string_view qualifier : {" const", " volatile", " &&", " &", " noexcept"}) {
      if (name.size() > qualifier.size() && name.substr(name.size() - qualifier.size()) == qualifier) {
        name = trim(name.substr(0, name.size() - qualifier.size()));
        stripped = true;
      }
    }
  }
  if (const std::size_t space = name.rfind(' '); space != std::string_view::npos) name = name.substr(space + 1);
  if (const std::size_t colons = name.rfind("::"); colons != std::string_view::npos) {
    name = name.substr(colons + 2);
  }
  return std::string(name);
}

std::optional<tsan_frame> site_frame(const std::vector<tsan_frame>& stack) {
  for (const tsan_frame& f : stack) {
    if (in_path(f.file, "/impl/") && !in_path(f.file, "/impl/ordercheck/sync/")) return f;
  }
  for (const tsan_frame& f : stack) {
    if (in_path(f.file, "/stress/fixtures/") || in_path(f.file, "/stress/mixes/")) return f;
  }
  for (const tsan_frame& f : stack) {
    if (!f.file.empty()) return f;
  }
  return std::nullopt;
}

std::string describe_tsan_report(const tsan_report& report, results::record& out) {
  const auto accesses = report.accesses();
  std::string description = "ThreadSanitizer: " + report.kind_text;
  // The earlier access is step 1, the access that found the race step 2.
  std::vector<const tsan_section*> in_time_order(accesses.rbegin(), accesses.rend());
  int step = 0;
  for (const tsan_section* access : in_time_order) {
    const std::optional<tsan_frame> frame = site_frame(access->stack);
    // A free is reported as a write whose top frame is the deallocation.
    const bool freed = !access->stack.empty() && (access->stack.front().function.rfind("operator delete", 0) == 0 ||
                                                  access->stack.front().function.rfind("free", 0) == 0);
    results::site site;
    site.operation = freed ? "free" : access->operation;
    site.role = freed ? "freed here" : (access->previous ? "other access" : "racing access");
    results::step event;
    event.step = ++step;
    event.thread = access->thread;
    event.operation = site.operation;
    event.text = access->header;
    if (frame) {
      site.file = repository_relative(frame->file);
      site.line = frame->line;
      event.file = site.file;
      event.line = site.line;
      event.function = short_function_name(frame->function);
    }
    if (!access->stack.empty()) event.text += " at " + access->stack.front().function;
    out.sites.push_back(site);
    out.interleaving.push_back(event);
    description += std::string(step == 1 ? ": " : " vs ") + site.operation + " by " +
                   (access->thread == 0 ? std::string("main thread")
                                        : "thread T" + std::to_string(access->thread)) +
                   (frame ? " at " + site.file + ":" + std::to_string(site.line) + " (" + event.function + ")" : "");
  }
  for (const tsan_section& s : report.sections) {
    if (!s.is_location || s.stack.empty()) continue;
    const std::optional<tsan_frame> frame = site_frame(s.stack);
    if (!frame) continue;
    results::site site;
    site.file = repository_relative(frame->file);
    site.line = frame->line;
    site.operation = "allocate";
    site.role = "allocated here";
    out.sites.push_back(site);
  }
  return description;
}

}  // namespace ordercheck::stress
