// Verdicts a person can act on, site by site, from a subject's mutation matrix.
//
//  necessary                 every weakening was killed
//  not shown necessary       some weakening survived: either the order is
//                            stronger than the code needs, or the models are
//                            too weak to see the difference. The diagnosis
//                            says which is more likely, from evidence:
//                            - what the surviving weakening drops (a release
//                              half, an acquire half, the seq_cst total order);
//                            - whether any site of the same atomic (in the same
//                              subject and variant) could pair with what was
//                              dropped; none means nothing can synchronize
//                              through it (over-strong); some means a model
//                              gap, or a difference only load buffering shows
//                              (Relacy never produces load buffering);
//  nothing weaker            relaxed: there is no weakening to try
//  unreached                 no model runs the site: a gap in the models
//  undecided                 a mutant could not be run (error)
#pragma once

#include <string>
#include <vector>

#include "mutation_matrix.hpp"

namespace ordercheck::orders {

struct survivor_diagnosis {
  std::string order;        // the surviving weakening
  std::string dropped;      // "release half", "acquire half", "seq_cst total order", joined with " and "
  std::string likely;       // "over-strong" or "model too weak"
  std::string explanation;  // the evidence, in a sentence or two
};

struct site_verdict {
  atomic_site site;
  std::string verdict;  // necessary, not shown necessary, nothing weaker, unreached, undecided
  std::vector<const mutant_result*> mutants;  // this site's, in ladder order
  std::vector<survivor_diagnosis> survivors;
};

// One verdict per site of the matrix, in site order. `all_sites` is the whole
// inventory (the evidence looks for partner sites on the same atomic).
std::vector<site_verdict> judge(const subject_matrix& matrix, const std::vector<atomic_site>& all_sites);

// Which ordering `weakened` drops from `declared` at an operation: any of
// "release half", "acquire half", "seq_cst total order".
std::vector<std::string> dropped_parts(const std::string& operation, const std::string& declared,
                                       const std::string& weakened);

}  // namespace ordercheck::orders
