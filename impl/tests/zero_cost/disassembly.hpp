// Reading functions out of an object file's disassembly (objdump -d -C
// --no-show-raw-insn), normalised so that two functions compiled from
// different sources compare equal exactly when their instructions are equal:
// addresses are dropped, a jump or call inside the function becomes its offset
// from the function's start, other symbols become "<other>", comments and the
// alignment padding after the last instruction are dropped. A function's cold
// part ("[clone .cold]", where gcc moves its throw path) is kept under its own
// heading.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace ordercheck::zero_cost {

using instruction_listing = std::vector<std::string>;

// Runs `objdump_program -d -C --no-show-raw-insn object_file` and returns its
// output; throws std::runtime_error if it cannot run or fails.
std::string disassemble(const std::string& objdump_program, const std::string& object_file);

// The normalised listing of every function in `objdump_output`, by demangled
// name without its parameter list (e.g. "ordercheck::zero_cost::handle_cache_policy").
std::map<std::string, instruction_listing> functions_of(const std::string& objdump_output);

// The listing of `name`; throws std::runtime_error naming the function (and
// what there is) when it is missing, so a renamed function cannot pass a
// "must differ" check by being absent.
const instruction_listing& function_named(const std::map<std::string, instruction_listing>& functions,
                                          const std::string& name);

// Both listings side by side, one instruction per row, "!" where they differ.
std::string side_by_side(const instruction_listing& left, const instruction_listing& right);

}  // namespace ordercheck::zero_cost
