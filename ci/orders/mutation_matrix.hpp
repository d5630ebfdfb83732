// The mutation matrix: each site of a subject's reference variant, weakened
// one order at a time, run against that subject's reference model cells.
#pragma once

#include <functional>
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
  std::vector<atomic_site> sites;      // the reference variant's sites
  std::vector<std::string> reached;    // site ids the baseline reached
  std::vector<mutant_result> results;  // in mutants_of order
  std::string baseline_bound;          // the bound of the unmutated run
  std::string baseline_command;
  double wall_seconds = 0;
};

// "scheduler random, 2000 iterations" and the like, from records' engine
// settings (distinct settings joined with "; ").
std::string describe_bound(const std::vector<results::record>& records);

// Classifies one mutant's run (pure: the tests use it on fabricated outcomes).
mutant_result classify(const mutant& mutation, const model_outcome& outcome);

struct matrix_options {
  model_settings model;
  std::string work_dir;  // where each run's files go
  unsigned jobs = 2;
  // Called once per finished mutant (from the thread that ran it, serialized).
  std::function<void(const mutant_result&, std::size_t done, std::size_t total)> progress;
};

// Runs the baseline (no mutation; it must pass, or the matrix means nothing:
// throws std::runtime_error) and then every reached mutant, `jobs` at a time.
subject_matrix run_matrix(const std::string& subject, const std::vector<atomic_site>& all_sites,
                          const matrix_options& options);

// The reference variant's sites of `subject`, shared files included.
std::vector<atomic_site> reference_sites(const std::vector<atomic_site>& all_sites, const std::string& subject);

}  // namespace ordercheck::orders
