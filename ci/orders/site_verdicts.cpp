#include "site_verdicts.hpp"
#include "text_join.hpp"

#include <algorithm>

namespace ordercheck::orders {
namespace {

bool has_release_half(const std::string& operation, const std::string& order) {
  if (operation == "load" || operation == "compare_exchange_failure") return false;
  return order == "release" || order == "acq_rel" || order == "seq_cst";
}
bool has_acquire_half(const std::string& operation, const std::string& order) {
  if (operation == "store") return false;
  return order == "acquire" || order == "acq_rel" || order == "seq_cst";
}

bool same_code(const atomic_site& a, const atomic_site& b) {
  if (a.subject != b.subject) return false;
  for (const auto& v : a.variants) {
    if (b.belongs_to(v)) return true;
  }
  return false;
}

std::string list_sites(const std::vector<const atomic_site*>& sites) {
  std::string text;
  for (const auto* s : sites) {
    append_joined(text, ", ",
                  s->file.substr(s->file.rfind('/') + 1) + ":" + std::to_string(s->line) + " " + s->operation + "(" +
                      s->order + ")");
  }
  return text;
}

survivor_diagnosis diagnose(const atomic_site& site, const std::string& order,
                            const std::vector<atomic_site>& all_sites,
                            const std::vector<std::string>& reached) {
  survivor_diagnosis d;
  d.order = order;
  const auto parts = dropped_parts(site.operation, site.order, order);
  for (const auto& p : parts) append_joined(d.dropped, " and ", p);

  // Partners: other sites of the same code that could pair with what was
  // dropped. An operation pairs through its own atomic, or through a fence
  // (fence synchronization works over any atomic); a fence pairs with any
  // atomic operation or fence.
  const bool is_fence = site.operation == "fence";
  std::vector<const atomic_site*> release_partners, acquire_partners, total_order_partners;
  for (const auto& other : all_sites) {
    // The same call in another thread pairs with itself too (a failed
    // compare_exchange's acquire with a successful one's release), so only
    // the site itself is left out.
    if (!same_code(site, other) || other.id() == site.id()) continue;
    if (other.order == "seq_cst") total_order_partners.push_back(&other);
    const bool pairs = is_fence || other.operation == "fence" || other.object == site.object;
    if (!pairs) continue;
    if (has_acquire_half(other.operation, other.order)) acquire_partners.push_back(&other);
    if (has_release_half(other.operation, other.order)) release_partners.push_back(&other);
  }
  auto unreached_of = [&](const std::vector<const atomic_site*>& sites) {
    std::vector<const atomic_site*> out;
    for (const auto* s : sites) {
      if (std::find(reached.begin(), reached.end(), s->id()) == reached.end()) out.push_back(s);
    }
    return out;
  };

  bool over_strong = true;
  std::string evidence;
  auto add = [&evidence](const std::string& sentence) { append_joined(evidence, " ", sentence); };
  const std::string object = is_fence ? "any atomic" : "`" + site.object + "`";
  for (const auto& part : parts) {
    if (part == "release half") {
      if (acquire_partners.empty()) {
        add("No other site of this code reads " + object + " with acquire (nor is there an acquire fence), so "
            "nothing can synchronize with this release: it orders nothing.");
      } else {
        over_strong = false;
        add("Acquire sites on " + object + " can synchronize with this release (" + list_sites(acquire_partners) +
            "), yet no scenario's checks depend on the writes it orders.");
        const auto missing = unreached_of(acquire_partners);
        if (!missing.empty()) add("Of those, the models never run " + list_sites(missing) + ".");
      }
    } else if (part == "acquire half") {
      if (release_partners.empty()) {
        add("No other site of this code writes " + object + " with release (nor is there a release fence), so "
            "this acquire has nothing to synchronize with.");
      } else {
        over_strong = false;
        add("Release sites on " + object + " could pair with this acquire (" + list_sites(release_partners) +
            "), yet no scenario reads, after it, data those releases publish; or the only harm is a "
            "load-buffering outcome (a later store of this thread seen before this load reads), which Relacy never produces.");
      }
    } else if (part == "seq_cst total order") {
      if (total_order_partners.empty()) {
        add("It is the only seq_cst operation of its code: the single total order it joins has no other member.");
      } else {
        over_strong = false;
        add("Other seq_cst operations share the total order (" + list_sites(total_order_partners) +
            "); only a store-buffering shaped scenario over them could show the difference.");
      }
    }
  }
  d.likely = over_strong ? "over-strong" : "model too weak";
  d.explanation = evidence;
  return d;
}

}  // namespace

std::vector<std::string> dropped_parts(const std::string& operation, const std::string& declared,
                                       const std::string& weakened) {
  std::vector<std::string> parts;
  if (has_release_half(operation, declared) && !has_release_half(operation, weakened)) parts.push_back("release half");
  if (has_acquire_half(operation, declared) && !has_acquire_half(operation, weakened)) parts.push_back("acquire half");
  if (declared == "seq_cst" && weakened != "seq_cst") parts.push_back("seq_cst total order");
  return parts;
}

std::vector<site_verdict> judge(const subject_matrix& matrix, const std::vector<atomic_site>& all_sites) {
  std::vector<site_verdict> verdicts;
  for (const auto& site : matrix.sites) {
    site_verdict v;
    v.site = site;
    for (const auto& r : matrix.results) {
      if (r.mutation.site.id() == site.id()) v.mutants.push_back(&r);
    }
    const bool reached = std::find(matrix.reached.begin(), matrix.reached.end(), site.id()) != matrix.reached.end();
    auto any = [&v](mutant_status s) {
      return std::any_of(v.mutants.begin(), v.mutants.end(), [s](const mutant_result* r) { return r->status == s; });
    };
    if (!reached) {
      v.verdict = "unreached";
    } else if (v.mutants.empty()) {
      v.verdict = "nothing weaker";
    } else if (any(mutant_status::error)) {
      v.verdict = "undecided";
    } else if (any(mutant_status::survived) || any(mutant_status::unreached)) {
      v.verdict = "not shown necessary";
      for (const auto* r : v.mutants) {
        if (r->status == mutant_status::survived || r->status == mutant_status::unreached) {
          v.survivors.push_back(diagnose(site, r->mutation.order, all_sites, matrix.reached));
        }
      }
    } else {
      v.verdict = "necessary";
    }
    verdicts.push_back(std::move(v));
  }
  return verdicts;
}

}  // namespace ordercheck::orders
