#include "disassembly.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace ordercheck::zero_cost {
namespace {

// "ns::f(int) [clone .cold]" -> "ns::f"; template arguments may contain
// parentheses only inside <...>, which our function names do not have.
std::string base_name(const std::string& demangled) { return demangled.substr(0, demangled.find('(')); }

bool is_cold_part(const std::string& demangled) { return demangled.find("[clone .cold") != std::string::npos; }

std::string collapse_spaces(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool is_padding(const std::string& instruction) {
  return instruction.rfind("nop", 0) == 0 || instruction.rfind("cs nop", 0) == 0 ||
         instruction.rfind("data16", 0) == 0 || instruction == "xchg %ax,%ax" || instruction == "int3";
}

// One instruction line, with the function it belongs to.
std::string normalise(const std::string& instruction, const std::string& function) {
  std::string text = instruction.substr(0, instruction.find('#'));
  static const std::regex target(R"(([0-9a-f]+ )?<(.*)>\s*$)");
  std::smatch match;
  if (std::regex_search(text, match, target)) {
    const std::string symbol = match[2];
    std::string replacement = "<other>";
    if (base_name(symbol) == function) {
      static const std::regex offset(R"(\+0x[0-9a-f]+$)");
      std::smatch offset_match;
      const std::string where = std::regex_search(symbol, offset_match, offset) ? offset_match.str() : "+0x0";
      replacement = std::string(is_cold_part(symbol) ? "<self.cold" : "<self") + where + ">";
    }
    text = match.prefix().str() + replacement;
  }
  return collapse_spaces(text);
}

void drop_trailing_padding(instruction_listing& listing) {
  while (!listing.empty() && is_padding(listing.back())) listing.pop_back();
}

}  // namespace

std::string disassemble(const std::string& objdump_program, const std::string& object_file) {
  const std::string command = "'" + objdump_program + "' -d -C --no-show-raw-insn '" + object_file + "' 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), &::pclose);
  if (!pipe) throw std::runtime_error("cannot run: " + command);
  std::string output;
  std::array<char, 4096> buffer;
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0) output.append(buffer.data(), n);
  const int status = ::pclose(pipe.release());
  if (status != 0) throw std::runtime_error(command + " failed: " + output);
  return output;
}

std::map<std::string, instruction_listing> functions_of(const std::string& objdump_output) {
  static const std::regex header(R"(^[0-9a-f]+ <(.+)>:$)");
  static const std::regex instruction(R"(^\s*[0-9a-f]+:\t(.*)$)");
  std::map<std::string, instruction_listing> functions;
  instruction_listing* current = nullptr;
  std::string current_name;
  std::istringstream lines(objdump_output);
  std::string line;
  std::smatch match;
  while (std::getline(lines, line)) {
    if (std::regex_match(line, match, header)) {
      if (current) drop_trailing_padding(*current);
      const std::string demangled = match[1];
      current_name = base_name(demangled);
      current = &functions[current_name];
      current->push_back(is_cold_part(demangled) ? "[cold part]" : "[main part]");
    } else if (current && std::regex_match(line, match, instruction)) {
      current->push_back(normalise(match[1], current_name));
    }
  }
  if (current) drop_trailing_padding(*current);
  return functions;
}

const instruction_listing& function_named(const std::map<std::string, instruction_listing>& functions,
                                          const std::string& name) {
  const auto found = functions.find(name);
  if (found != functions.end()) return found->second;
  std::string known;
  for (const auto& [function, listing] : functions) known += "\n  " + function;
  throw std::runtime_error("no function '" + name + "' in the disassembly; it has:" + known);
}

std::string side_by_side(const instruction_listing& left, const instruction_listing& right) {
  std::ostringstream out;
  const std::size_t rows = std::max(left.size(), right.size());
  for (std::size_t i = 0; i < rows; ++i) {
    const std::string l = i < left.size() ? left[i] : "";
    const std::string r = i < right.size() ? right[i] : "";
    out << (l == r ? "  " : "! ") << l << std::string(l.size() < 44 ? 44 - l.size() : 1, ' ') << r << '\n';
  }
  return out.str();
}

}  // namespace ordercheck::zero_cost
