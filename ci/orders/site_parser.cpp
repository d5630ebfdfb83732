#include "site_parser.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

#include "order_ladder.hpp"

namespace ordercheck::orders {
namespace {

bool is_identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

int line_at(const std::string& text, std::size_t position) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(position), '\n'));
}

// The position just after the parenthesis matching the one at `open`, or npos.
std::size_t after_matching_paren(const std::string& text, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < text.size(); ++i) {
    if (text[i] == '(') ++depth;
    if (text[i] == ')' && --depth == 0) return i + 1;
  }
  return std::string::npos;
}

// The member the call acts on: the identifier before `.`/`->`, skipping one
// subscript (refs_[i].owner -> owner; counts_[i].load -> counts_).
std::string receiver_before(const std::string& text, std::size_t accessor) {
  std::size_t end = accessor;
  while (end > 0 && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  if (end > 0 && text[end - 1] == ']') {
    int depth = 0;
    while (end > 0) {
      --end;
      if (text[end] == ']') ++depth;
      if (text[end] == '[' && --depth == 0) break;
    }
  }
  std::size_t begin = end;
  while (begin > 0 && is_identifier_char(text[begin - 1])) --begin;
  return text.substr(begin, end - begin);
}

// The name of the function whose body encloses `position`: the identifier
// before the last `(` that precedes the innermost unclosed `{` at namespace or
// class level. A heuristic for reports only; "" when unsure.
std::string enclosing_function(const std::string& text, std::size_t position) {
  static const std::regex definition(R"(([A-Za-z_]\w*)\s*\([^;{}]*\)\s*(const\s*)?(noexcept\s*)?(override\s*)?\{)");
  std::string best;
  auto begin = std::sregex_iterator(text.begin(), text.begin() + static_cast<long>(position), definition);
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    const std::string name = (*it)[1].str();
    if (name == "if" || name == "for" || name == "while" || name == "switch" || name == "catch") continue;
    // Keep it only if its body is still open at `position`.
    int depth = 0;
    const std::size_t body = static_cast<std::size_t>(it->position(0) + it->length(0)) - 1;
    bool open = true;
    for (std::size_t i = body; i < position; ++i) {
      if (text[i] == '{') ++depth;
      if (text[i] == '}' && --depth == 0) {
        open = false;
        break;
      }
    }
    if (open) best = name;
  }
  return best;
}

std::string where(const std::string& file, int line) { return file + ":" + std::to_string(line); }

}  // namespace

std::string blank_comments_and_literals(const std::string& text) {
  std::string out = text;
  enum { code, line_comment, block_comment, string_literal, char_literal } state = code;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const char c = text[i];
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    switch (state) {
      case code:
        if (c == '/' && next == '/') state = line_comment;
        else if (c == '/' && next == '*') state = block_comment;
        else if (c == '"') state = string_literal;
        else if (c == '\'' && !(i > 0 && std::isxdigit(static_cast<unsigned char>(text[i - 1])))) state = char_literal;
        else continue;
        out[i] = ' ';
        break;
      case line_comment:
        if (c == '\n') state = code;
        else out[i] = ' ';
        break;
      case block_comment:
        if (c == '*' && next == '/') {
          out[i] = out[i + 1] = ' ';
          ++i;
          state = code;
        } else if (c != '\n') {
          out[i] = ' ';
        }
        break;
      case string_literal:
      case char_literal:
        if (c == '\\' && next != '\0') {
          out[i] = ' ';
          if (next != '\n') out[i + 1] = ' ';
          ++i;
        } else if ((state == string_literal && c == '"') || (state == char_literal && c == '\'')) {
          out[i] = ' ';
          state = code;
        } else if (c != '\n') {
          out[i] = ' ';
        }
        break;
    }
  }
  return out;
}

std::vector<atomic_site> parse_sites(const std::string& file, const std::string& original) {
  const std::string text = blank_comments_and_literals(original);
  const file_owner owner = owner_of(file);
  static const std::regex call(
      R"((\.|->)\s*(load|store|exchange|fetch_add|fetch_sub|fetch_or|fetch_and|compare_exchange_strong|compare_exchange_weak)\s*\(|\bSync\s*::\s*(fence)\s*\()");
  static const std::regex policy_name(R"(\bSync\s*::\s*(template\s+)?([A-Za-z_]\w*))");
  static const std::regex foreign_order(R"(\b(std\s*::\s*)?memory_order_\w+|\brl\s*::\s*mo_\w+)");

  std::vector<atomic_site> sites;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), call); it != std::sregex_iterator(); ++it) {
    const auto& match = *it;
    const bool is_fence = match[3].matched;
    const std::size_t name_position = static_cast<std::size_t>(is_fence ? match.position(3) : match.position(2));
    const int line = line_at(text, name_position);
    const std::size_t open = static_cast<std::size_t>(match.position(0) + match.length(0)) - 1;
    const std::size_t close = after_matching_paren(text, open);
    if (close == std::string::npos) {
      throw parse_error(where(file, line) + ": unterminated call; the parser needs balanced parentheses");
    }
    const std::string arguments = text.substr(open + 1, close - open - 2);

    std::smatch foreign;
    if (std::regex_search(arguments, foreign, foreign_order)) {
      throw parse_error(where(file, line) + ": order '" + foreign[0].str() +
                        "' does not go through the sync policy; write Sync::<order> so the models can override it");
    }
    std::vector<std::string> orders;
    for (auto o = std::sregex_iterator(arguments.begin(), arguments.end(), policy_name); o != std::sregex_iterator(); ++o) {
      const std::string name = (*o)[2].str();
      // Sync::template atomic<..>, Sync::assert_that(..) are not orders; an
      // unknown lower-case name used as an order is.
      const std::size_t after = static_cast<std::size_t>(o->position(0) + o->length(0));
      const char follower = after < arguments.size() ? arguments[after] : ',';
      if ((*o)[1].matched || follower == '(' || follower == '<') continue;
      if (!is_order_name(name)) {
        throw parse_error(where(file, line) + ": unknown memory order 'Sync::" + name +
                          "' (one of: relaxed, acquire, release, acq_rel, seq_cst)");
      }
      orders.push_back(name);
    }
    std::string operation = is_fence ? "fence" : match[2].str();
    if (operation.rfind("compare_exchange", 0) == 0) operation = "compare_exchange";
    if (orders.empty()) {
      if (is_fence) throw parse_error(where(file, line) + ": Sync::fence needs an order, e.g. Sync::fence(Sync::seq_cst)");
      continue;  // a plain access (Sync::plain), not an atomic site
    }
    const std::size_t wanted = operation == "compare_exchange" ? 2 : 1;
    if (orders.size() != wanted) {
      throw parse_error(where(file, line) + ": " + operation + " takes " + std::to_string(wanted) +
                        " order(s) but the call names " + std::to_string(orders.size()) +
                        (operation == "compare_exchange" ? " (write both: success, then failure)" : ""));
    }

    atomic_site site;
    site.file = file;
    site.line = line;
    site.operation = operation;
    site.order = orders[0];
    site.object = is_fence ? "" : receiver_before(text, static_cast<std::size_t>(match.position(1)));
    site.function = enclosing_function(text, name_position);
    site.subject = owner.subject;
    site.variants = owner.variants;
    if (!is_legal(operation, site.order)) {
      throw parse_error(where(file, line) + ": " + site.order + " is not a legal order for " + operation);
    }
    sites.push_back(site);
    if (operation == "compare_exchange") {
      atomic_site failure = site;
      failure.operation = "compare_exchange_failure";
      failure.order = orders[1];
      failure.success_order = orders[0];
      if (!is_legal(failure.operation, failure.order, failure.success_order)) {
        throw parse_error(where(file, line) + ": failure order " + failure.order +
                          " is not legal with success order " + failure.success_order +
                          " (a failure order is relaxed, acquire or seq_cst, and no stronger than the success order)");
      }
      sites.push_back(failure);
    }
  }
  for (std::size_t i = 1; i < sites.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (sites[i].id() == sites[j].id()) {
        throw parse_error(where(file, sites[i].line) + ": two " + sites[i].operation +
                          " calls on one line share the site id " + sites[i].id() +
                          ", so the models cannot mutate one without the other; put them on separate lines");
      }
    }
  }
  return sites;
}

}  // namespace ordercheck::orders
