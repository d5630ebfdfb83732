#include "matrix_report.hpp"
#include "text_join.hpp"

#include <cstdio>
#include <sstream>

namespace ordercheck::orders {
namespace {

std::string short_path(const std::string& file) {
  const std::string root = "impl/ordercheck/";
  return file.rfind(root, 0) == 0 ? file.substr(root.size()) : file;
}

std::string outcome_cell(const mutant_result& r) {
  switch (r.status) {
    case mutant_status::killed: return r.mutation.order + ": killed (" + r.kind + ")";
    case mutant_status::survived: return r.mutation.order + ": SURVIVED";
    case mutant_status::unreached: return r.mutation.order + ": not run (unreached)";
    case mutant_status::error: return r.mutation.order + ": ERROR";
  }
  return r.mutation.order;
}

std::string weakenings(const site_verdict& v) {
  if (v.mutants.empty()) return "-";
  std::string text;
  for (const auto* r : v.mutants) append_joined(text, "; ", outcome_cell(*r));
  return text;
}

std::string seconds(double s) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f s", s);
  return buffer;
}

std::string pad(const std::string& text, std::size_t width) {
  return text.size() >= width ? text : text + std::string(width - text.size(), ' ');
}

}  // namespace

std::string short_site(const atomic_site& site) { return short_path(site.file) + ":" + std::to_string(site.line); }

std::string matrix_text(const std::vector<judged_subject>& subjects) {
  std::ostringstream out;
  for (const auto& subject : subjects) {
    out << "== " << subject.matrix.subject << " (reference) -- " << subject.matrix.results.size()
        << " mutants, " << seconds(subject.matrix.model_seconds) << " of model runs; bound: " << subject.matrix.baseline_bound << "\n";
    std::size_t width_site = 4, width_operation = 9;
    for (const auto& v : subject.verdicts) {
      width_site = std::max(width_site, short_site(v.site).size());
      width_operation = std::max(width_operation, v.site.operation.size());
    }
    out << pad("site", width_site) << "  " << pad("operation", width_operation) << "  " << pad("declared", 8) << "  "
        << pad("verdict", 19) << "  weakenings\n";
    for (const auto& v : subject.verdicts) {
      out << pad(short_site(v.site), width_site) << "  " << pad(v.site.operation, width_operation) << "  "
          << pad(v.site.order, 8) << "  " << pad(v.verdict, 19) << "  " << weakenings(v) << "\n";
    }
    for (const auto& v : subject.verdicts) {
      for (const auto* r : v.mutants) {
        if (r->status == mutant_status::error) {
          out << "  error at " << short_site(v.site) << " " << v.site.operation << " -> " << r->mutation.order << ": "
              << r->detail << "\n";
        }
      }
      for (const auto& s : v.survivors) {
        out << "  survivor " << short_site(v.site) << " " << v.site.operation << " " << v.site.order << " -> " << s.order
            << " (drops the " << s.dropped << "): likely " << s.likely << ". " << s.explanation << "\n";
      }
    }
    out << "\n";
  }
  return out.str();
}

std::string matrix_markdown(const std::vector<judged_subject>& subjects, const std::string& settings_line) {
  std::ostringstream out;
  out << settings_line << "\n\n";
  for (const auto& subject : subjects) {
    out << "**" << subject.matrix.subject << "** (reference; " << subject.matrix.results.size() << " mutants, "
        << seconds(subject.matrix.model_seconds) << " of model runs; bound: " << subject.matrix.baseline_bound << ")\n\n";
    out << "| site | operation | declared | verdict | weakenings |\n|---|---|---|---|---|\n";
    for (const auto& v : subject.verdicts) {
      out << "| `" << short_site(v.site) << "` `" << v.site.object << "` | " << v.site.operation << " | "
          << v.site.order << " | " << v.verdict << " | " << weakenings(v) << " |\n";
    }
    bool any_survivor = false;
    for (const auto& v : subject.verdicts) {
      for (const auto& s : v.survivors) {
        if (!any_survivor) out << "\nSurviving mutants:\n\n";
        any_survivor = true;
        out << "- `" << short_site(v.site) << "` " << v.site.operation << " " << v.site.order << " → " << s.order
            << " (drops the " << s.dropped << "): likely **" << s.likely << "**. " << s.explanation << "\n";
      }
    }
    out << "\n";
  }
  return out.str();
}

// A mutant's record expects "killed or survived": both are findings to read
// (the table says which), and neither fails a gate. Only a mutant the engine
// could not judge (`error`) is a mismatch. A mutant no cell reached was never
// run, so it gets no record: the table lists it as unreached, a gap in the
// models, rather than a check that passed.
std::vector<results::record> matrix_records(const std::vector<judged_subject>& subjects) {
  std::vector<results::record> records;
  const std::vector<std::string> outcomes{"pass",     "data_race", "use_after_free", "double_free",
                                          "leak",     "assertion", "deadlock",       "livelock",
                                          "linearizability_violation", "timeout", "crash",
                                          "uninitialized_read"};
  for (const auto& subject : subjects) {
    for (const auto& v : subject.verdicts) {
      for (const auto* r : v.mutants) {
        if (r->status == mutant_status::unreached) continue;
        results::record record;
        record.check = "orders/" + subject.matrix.subject + "/" + r->mutation.site.id() + "=" + r->mutation.order;
        record.subject = subject.matrix.subject;
        record.variant = "reference";
        record.contract = "every";  // a survivor survived every reference cell of the subject
        for (const auto& cell : r->records) {
          if (cell.check == r->killing_check) record.contract = cell.contract;
        }
        record.layer = "orders";
        record.engine = "relacy";
        record.engine_settings = {{"status", status_name(r->status)},
                                  {"site_verdict", v.verdict},
                                  {"bound", r->status == mutant_status::survived ? r->bound : subject.matrix.baseline_bound},
                                  {"command", r->command}};
        if (!r->mutation.note.empty()) record.engine_settings["note"] = r->mutation.note;
        for (const auto& o : outcomes) record.expected.push_back(results::verdict_from_name(o));
        switch (r->status) {
          case mutant_status::killed:
            record.observed = results::verdict_from_name(r->kind);
            record.message = v.site.operation + " " + v.site.order + " -> " + r->mutation.order + " is killed by " +
                             r->killing_check + ": " + r->detail;
            break;
          case mutant_status::survived:
            record.observed = results::verdict::pass;
            record.message = v.site.operation + " " + v.site.order + " -> " + r->mutation.order +
                             " survived every reference cell within " + r->bound;
            break;
          case mutant_status::unreached:
            break;  // skipped above
          case mutant_status::error:
            record.observed = results::verdict::error;
            record.message = r->detail;
            break;
        }
        for (const auto& s : v.survivors) {
          if (s.order == r->mutation.order) record.message += " (likely " + s.likely + ": " + s.explanation + ")";
        }
        record.sites.push_back({v.site.file, v.site.line, v.site.operation, r->mutation.order, "mutated site"});
        record.replay = {r->replay_token, r->replay_command};
        double seconds = r->wall_seconds;
        unsigned long long iterations = 0;
        for (const auto& cell : r->records) iterations += cell.iterations;
        record.iterations = iterations;
        record.wall_seconds = seconds;
        record.mutations.push_back({r->mutation.site.id(), r->mutation.order});
        records.push_back(std::move(record));
      }
    }
  }
  return records;
}

}  // namespace ordercheck::orders
