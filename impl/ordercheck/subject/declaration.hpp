// A subject's declaration: everything ordercheck's layers run for one
// primitive, and what each run must find, written once beside its code in
// impl/ordercheck/<subject>/subject.hpp:
//
//   namespace ordercheck::subjects::my_lock {
//   inline constexpr const char* name = "my_lock";
//   inline constexpr int table_row = 5;  // its place in --list and the gate's tables
//   template <class Declarer>
//   void declare(Declarer& d) {
//     d.template model_cell<my_instance>({...});                   // model layer
//     d.stress_expectation("broken", "none", {...});               // stress layer
//     d.template stress_scenario<my_instances>({...});
//   }
//   }
//
// The declaration is a template over a "declarer" that each layer's driver
// supplies (model/subject_cells.cpp.in, stress/checks/subject_checks.cpp.in),
// as folly's primitives take `template <typename> class Atom`: impl/ names
// no test library, and each driver instantiates only what its layer runs
// (the model declarer never instantiates a stress-only scenario, and the
// stress declarer never instantiates anything with Relacy). A declarer
// implements every member the declaration calls; the ones of other layers
// are no-ops there.
//
// No silent defaults: every cell a layer runs needs a declared expectation.
// A stress scenario instance whose (variant, contract) has no
// stress_expectation makes the driver refuse to start (exit 2, one line
// naming the subject and the cell).
//
// Verdicts are named as the results schema spells them ("pass",
// "data_race", "assertion", ...; ci/results/result_record.hpp): impl/ does
// not depend on the results library, and a misspelt name is refused by the
// driver the same way.
#pragma once

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <vector>

namespace ordercheck::declaration {

using verdict_names = std::initializer_list<const char*>;

// The contract of a subject that declares none (it has no GIL story): its
// cells are named subject/variant/none/scenario.
inline constexpr const char* no_contract = "none";

// The search that proves a clean model cell (see model/cell.hpp).
struct proof_search {
  bool full = true;
  unsigned context_bound = 0;  // when not full
};
inline constexpr proof_search full_search{true, 0};
constexpr proof_search context_bound(unsigned bound) { return {false, bound}; }

// One cell of the model layer: one instance (a scenario at one variant and
// contract), what it must give, why, and how it is searched.
struct model_cell {
  const char* description;   // what the threads do, one sentence
  verdict_names expected;    // any of these is a genuine manifestation ({"pass"} when clean)
  const char* why;           // why exactly these kinds, one sentence
  proof_search proof;        // the widest search that proves a clean cell
  unsigned quick_context_bound = 2;  // the quick profile's second pass
};

// What every stress check of one (variant, contract) of the subject may give.
// A cell with a defect that real threads find only sometimes is a measurement:
// it expects "pass" too, and `defect` names the defect for the detection table.
// With `scenario`, what that one scenario's check at (variant, contract) may
// give, in place of the subject's: a shape whose defect shows under a contract
// where the subject's other scenarios must pass.
struct stress_expectation {
  const char* variant;
  const char* contract;
  verdict_names expected;
  const char* defect = "";    // empty when the cell is strict ({"pass"})
  const char* scenario = "";  // empty: every scenario of the subject
};

// A scenario the stress layer runs at every listed instance.
struct stress_scenario {
  const char* description;  // what a round does, one sentence
  const char* source;       // the file it is written in, for the record
};

// A mix: a stress-only Round type (stress/harness/round_runner.hpp's shape,
// written over Sync) whose constructor takes --threads.
struct stress_mix {
  const char* name;
  const char* description;
  const char* source;
};

// An instance: one scenario at one variant and contract, named: any type
// with static `variant_name` and `contract_name` strings and a member alias
// template `with<Sync>` (the class a driver runs). A subject names its
// variants as it likes (ttas_spinlock's subject.hpp); the four c10 subjects
// bind their reference/upstream pair through scenarios/gil_instances.hpp.

// A list of instances (the declarer runs each).
template <class... Instances>
struct instances {};

// A configuration error in a declaration (a cell without an expectation, a
// misspelt verdict): the drivers refuse to start, exit 2, and print what().
class declaration_error : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// A declaration's verdict names as a layer's verdicts, parsed by `from_name`
// (which throws std::invalid_argument for an unknown name). Throws
// declaration_error naming `cell_id` for an empty list or an unknown name.
template <class Verdict, class FromName>
std::vector<Verdict> verdicts_of(const std::string& cell_id, verdict_names names, FromName from_name) {
  if (names.size() == 0) {
    throw declaration_error(cell_id + ": no expected verdict declared; list the verdicts this cell may give "
                                      "(\"pass\" when it is clean) in its subject.hpp");
  }
  std::vector<Verdict> verdicts;
  for (const char* name : names) {
    try {
      verdicts.push_back(from_name(name));
    } catch (const std::invalid_argument& error) {
      throw declaration_error(cell_id + ": " + error.what());
    }
  }
  return verdicts;
}

// The subjects a layer found, in their declared table_row order (--list, the
// shards and the gate's tables). Throws declaration_error when two subjects
// share a row.
template <class Subject>
std::vector<const Subject*> in_table_order(std::vector<const Subject*> subjects) {
  std::stable_sort(subjects.begin(), subjects.end(),
                   [](const Subject* a, const Subject* b) { return a->table_row < b->table_row; });
  for (std::size_t i = 1; i < subjects.size(); ++i) {
    if (subjects[i]->table_row == subjects[i - 1]->table_row) {
      throw declaration_error(std::string("subjects ") + subjects[i - 1]->name + " and " + subjects[i]->name +
                              " both declare table_row " + std::to_string(subjects[i]->table_row) +
                              ": give each subject.hpp its own row");
    }
  }
  return subjects;
}

}  // namespace ordercheck::declaration
