// What every report writer reads: the records of a run, merged from one or
// more JSON Lines files, in a stable order, grouped into cells (subject x
// variant x contract x layer) and sorted into gate failures and expected
// findings. Writers format this; they decide nothing about verdicts.
#pragma once

#include "result_record.hpp"

#include <string>
#include <vector>

namespace ordercheck::report {

using results::record;

// One row of the summary table: every record of one subject, variant,
// contract and layer (a cell may hold several checks, e.g. several scenarios).
// The orders layer's mutants are grouped by subject and variant only: a
// surviving mutant survived every contract, so their cell has no contract.
struct cell {
  std::string subject;
  std::string variant;
  std::string contract;
  std::string layer;
  std::vector<const record*> records;

  std::string name() const;           // subject/variant/contract (subject/variant for mutants)
  std::string expected_text() const;  // distinct expected sets, "data_race|assertion"; "killed|survived" for mutants
  std::string observed_text() const;  // distinct observed verdicts; "3 killed, 1 survived" for mutants
  std::string engines_text() const;   // distinct engine names
  // "MISMATCH", "ok (mutation analysis)", "ok (defect found)" or "ok".
  std::string result_text() const;
  bool matches() const;               // every record matches
};

struct run_results {
  std::vector<record> records;  // sorted: subject, variant, contract, layer, check
  std::vector<cell> cells;      // in the same order; points into `records`
  // Show every step of each interleaving (ordercheck-report --full-history),
  // not the compact one (compact_history.hpp).
  bool full_history = false;

  // Mismatches: each one fails the gate.
  std::vector<const record*> gate_failures() const;
  // Matches whose observed verdict is a defect: upstream defects the gate
  // must keep finding. Shown, but they do not fail the gate. Mutants are not
  // among them (see mutants()).
  std::vector<const record*> expected_findings() const;
  // The orders layer's mutants that were judged (killed or survived), in
  // record order: mutation analysis, not upstream defects.
  std::vector<const record*> mutants() const;
  bool all_match() const;
};

// Sorts and groups, and fills each record's `why` (why_text.hpp) when it
// has none; call once the records are read.
run_results organize(std::vector<record> records);
// Reads and merges JSON Lines files (throws std::runtime_error naming the file).
run_results read_results(const std::vector<std::string>& paths);

// Whether an observed verdict is a defect found (anything but pass).
bool is_defect(const record& r);
// Whether the record is a mutant of the orders layer (one atomic site
// weakened one step): its verdict reads "killed" or "survived".
bool is_mutant(const record& r);
// "mutant killed (data_race)", "mutant survived (order stronger than any
// model needs)", or "mutant not judged (error)"; "" for other records.
std::string mutant_outcome(const record& r);
// Records with fewest interleaving steps first ("smallest scenario first").
std::vector<const record*> smallest_first(std::vector<const record*> records);
// The thread numbers that appear in an interleaving, ascending.
std::vector<int> threads_of(const record& r);
// "a|b" for the expected verdicts of one record ("killed|survived" for a mutant).
std::string expected_text(const record& r);
// The racing access (sites[0]) when the engine named one with a file, else null.
const results::site* primary_site(const record& r);

}  // namespace ordercheck::report
