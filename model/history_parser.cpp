#include "history_parser.hpp"

#include <regex>
#include <sstream>

namespace ordercheck::model {
namespace {

// "[12] 1: <0x55d0> atomic load, value=0, order=acquire, in check, /src/impl/x.hpp(68)"
const std::regex& event_line() {
  static const std::regex pattern(R"(^\[(\d+)\] (\d+): (.*?), in (.*), ([^,]*)\((\d+)\)$)");
  return pattern;
}

std::string relative_file(const std::string& file, const std::string& source_root) {
  if (!source_root.empty() && file.rfind(source_root, 0) == 0) {
    std::string rest = file.substr(source_root.size());
    while (!rest.empty() && rest.front() == '/') rest.erase(0, 1);
    return rest;
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

struct event_kind {
  std::string operation;
  std::string value;
  bool access = false;  // reads or writes a variable (has an address)
};

event_kind classify_event(const std::string& text, const std::string& failure) {
  auto has = [&](const char* s) { return text.find(s) != std::string::npos; };
  if (!failure.empty() && text.rfind(failure, 0) == 0) return {"failure", "", false};
  if (!text.empty() && text.front() == '[') return {"phase", "", false};
  if (has(" atomic load")) return {"load", field(text, "value"), true};
  if (has(" atomic store")) return {"store", field(text, "value"), true};
  if (has(" CAS ")) {
    const std::string outcome = has(" CAS succ") ? "succeeded" : "failed";
    return {"compare_exchange", outcome + ": saw " + field(text, "orig") + ", expected " +
                                    field(text, "cmp") + ", desired " + field(text, "xchg"),
            true};
  }
  for (const char* rmw : {"exchange", "fetch_add", "fetch_sub", "fetch_and", "fetch_or", "fetch_xor"}) {
    if (has((std::string("> ") + rmw + " ").c_str())) {
      return {rmw, field(text, "prev") + " -> " + field(text, "new"), true};
    }
  }
  if (has("> load, value=")) return {"plain load", field(text, "value"), true};
  if (has("> store, value=")) return {"plain store", field(text, "value"), true};
  if (has("mutex: exclusive lock")) return {"mutex lock", "", true};
  if (has("mutex: exclusive unlock")) return {"mutex unlock", "", true};
  if (has("mutex: ")) return {"mutex", "", true};
  if (has("memory allocation")) return {"allocate", field(text, "addr"), false};
  if (has("memory deallocation")) return {"free", field(text, "addr"), false};
  if (has("fence")) return {"fence", "", false};
  if (has("yield(")) return {"yield", "", false};
  if (has("blocking current thread")) return {"block", "", false};
  if (has("unblocking thread")) return {"unblock", "", false};
  return {"event", "", false};
}

std::string address_of(const std::string& text) {
  if (text.empty() || text.front() != '<') return {};
  const auto end = text.find('>');
  return end == std::string::npos ? std::string() : text.substr(1, end - 1);
}

results::site site_of(const results::step& s, const std::string& role) {
  results::site out;
  out.file = s.file;
  out.line = s.line;
  out.operation = s.operation;
  out.order = s.order;
  out.role = role;
  return out;
}

}  // namespace

parsed_history parse_history(const std::string& relacy_text, const std::string& source_root) {
  parsed_history parsed;
  std::istringstream lines(relacy_text);
  std::string line;
  bool in_history = false;
  bool header_seen = false;
  std::vector<std::string> addresses;  // per step, for pairing accesses
  while (std::getline(lines, line)) {
    if (!header_seen) {
      // The line after the test name: "<RESULT> (<description>)".
      if (line.find(" (") != std::string::npos && line.rfind("iteration", 0) != 0 &&
          line.find('[') != 0) {
        parsed.failure = line;
        header_seen = true;
      }
      continue;
    }
    if (line.rfind("execution history", 0) == 0) {
      in_history = true;
      continue;
    }
    if (!in_history) continue;
    if (line.empty()) break;  // the per-thread views that follow repeat the same events
    std::smatch match;
    if (!std::regex_match(line, match, event_line())) continue;
    const std::string text = match[3];
    const std::string file = relative_file(match[5], source_root);
    const event_kind kind = classify_event(text, parsed.failure);
    if (file.find("relacy/") != std::string::npos && kind.operation != "phase" &&
        kind.operation != "failure") {
      continue;  // Relacy's own bookkeeping (an atomic's constructor)
    }
    results::step s;
    s.step = std::stoi(match[1]);
    s.thread = std::stoi(match[2]);
    s.file = kind.operation == "phase" ? std::string() : file;
    s.line = kind.operation == "phase" ? 0 : std::stoi(match[6]);
    s.function = kind.operation == "phase" ? std::string() : plain_function(match[4]);
    s.operation = kind.operation;
    s.order = field(text, "order");
    s.value = kind.value;
    s.text = text;
    parsed.steps.push_back(s);
    addresses.push_back(kind.access ? address_of(text) : std::string());
  }

  // Sites: the failing access (the failing thread's last access on the
  // failure's line, else the failure itself), then the access it races with
  // or the free it comes after.
  if (parsed.steps.empty() || parsed.steps.back().operation != "failure") return parsed;
  const results::step& failure = parsed.steps.back();
  std::size_t failing = parsed.steps.size() - 1;
  for (std::size_t i = parsed.steps.size() - 1; i-- > 0;) {
    const results::step& s = parsed.steps[i];
    if (s.thread != failure.thread) continue;
    if (s.file == failure.file && s.line == failure.line && !addresses[i].empty()) failing = i;
    break;
  }
  const bool race = failure.text.rfind("DATA RACE", 0) == 0;
  const bool freed = failure.text.rfind("ACCESS TO FREED MEMORY", 0) == 0 ||
                     failure.text.rfind("DOUBLE FREE", 0) == 0;
  results::site failing_site = site_of(parsed.steps[failing],
                                       race ? "racing access" : freed ? "access to freed memory" : "failure");
  if (failing_site.operation == "failure" && failure.text.rfind("USER ASSERT", 0) == 0) {
    failing_site.operation = "assertion";
  }
  parsed.sites.push_back(failing_site);
  if (race && !addresses[failing].empty()) {
    for (std::size_t i = failing; i-- > 0;) {
      if (addresses[i] == addresses[failing] && parsed.steps[i].thread != failure.thread) {
        parsed.sites.push_back(site_of(parsed.steps[i], "other access"));
        break;
      }
    }
  }
  if (freed) {
    for (std::size_t i = failing; i-- > 0;) {
      if (parsed.steps[i].operation == "free") {
        parsed.sites.push_back(site_of(parsed.steps[i], "freed here"));
        break;
      }
    }
  }
  return parsed;
}

}  // namespace ordercheck::model
