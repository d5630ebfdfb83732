// The mutation matrix: each site of a subject's reference variant, weakened
// one order at a time, run against that subject's reference model cells.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "atomic_site.hpp"
#include "model_runner.hpp"

namespace ordercheck::orders {

struct mutant {
  atomic_site site;
  std::string order;  // what the site is weakened to
  // When weakening a compare_exchange's success order also weakens its
  // failure order (C++11: failure no stronger than success), what it becomes.
  std::string note;
};

// Every mutant of `sites` (strongest weakening first, site by site).
std::vector<mutant> mutants_of(const std::vector<atomic_site>& sites);

enum class mutant_status {
  killed,     // some cell failed: the weakening is observable
  survived,   // every cell passed within the bound
  unreached,  // no cell runs the site: not tried
  error,      // the run could not be read: never counted as killed or survived
};
const char* status_name(mutant_status status);

struct mutant_result {
  mutant mutation;
  mutant_status status = mutant_status::error;
  std::string kind;            // killed: the failure kind (data_race, use_after_free, ...)
  std::string killing_check;   // killed: the cell that failed first
  std::string replay_token;    // killed: from that cell's record
  std::string replay_command;  // killed: from that cell's record, else the mutant's command
  std::string bound;           // survived: the exploration bound of the cells
  std::string detail;          // error: what went wrong; killed: the record's message
  std::string command;         // the ordercheck-model command of this mutant
  std::vector<results::record> records;  // the cells' records, as the model wrote them
  double wall_seconds = 0;
};

struct subject_matrix {
  std::string subject;
  std::vector<std::string> cells;      // the reference cells run, in the order they are tried
  std::vector<atomic_site> sites;      // the reference variant's sites
  std::vector<std::string> reached;    // site ids the baseline reached
  std::vector<mutant_result> results;  // in mutants_of order
  std::string baseline_bound;          // the bound of the unmutated run
  std::string baseline_command;
  double model_seconds = 0;  // the wall time of this subject's model runs, added up
};

// "scheduler random, 2000 iterations" and the like, from records' engine
// settings (distinct settings joined with "; ").
std::string describe_bound(const std::vector<results::record>& records);

// Classifies one mutant's run (pure: the tests use it on fabricated outcomes).
mutant_result classify(const mutant& mutation, const model_outcome& outcome);

// Combines a mutant's per-cell results (in cell order): killed by the first
// cell that killed it; else an error if a cell could not be judged; else
// survived if any cell ran the site; else unreached.
mutant_result combine(const mutant& mutation, const std::vector<mutant_result>& per_cell);

struct matrix_options {
  model_settings model;
  std::string work_dir;  // where each run's files go
  unsigned jobs = 2;
  // The ids of the sites to weaken (one shard's, see commands.cpp); nullopt:
  // every reference site of the subjects.
  std::optional<std::set<std::string>> weakened_sites;
  // Called once per finished model run (serialized): what ran, on which
  // cell, what it found, and how many of `total` runs are done.
  std::function<void(const std::string& what, const std::string& cell, const mutant_result& result,
                     std::size_t done, std::size_t total)>
      progress;
};

// Runs the matrices of `subjects`, one model process per (run, cell), `jobs`
// at a time across all subjects:
//  1. the baseline: every reference cell unmutated. Each must pass (else the
//     matrix means nothing: throws std::runtime_error), and what each reaches
//     decides which cells a mutant runs on;
//  2. each mutant on each cell that reaches its site, free_threaded cells
//     first; once a cell kills a mutant, its cells not yet started are
//     skipped (the killer reported is the first killing cell in order, so the
//     result does not depend on timing).
std::vector<subject_matrix> run_matrices(const std::vector<std::string>& subjects,
                                         const std::vector<atomic_site>& all_sites, const matrix_options& options);

// The reference variant's sites of `subject`, shared files included.
std::vector<atomic_site> reference_sites(const std::vector<atomic_site>& all_sites, const std::string& subject);

}  // namespace ordercheck::orders
