#include "report/measurement_section.h"

#include <map>

#include <fmt/format.h>

#include "core/quantity.h"
#include "report/cost_section.h"
#include "report/escaping.h"
#include "report/figure_phrase.h"
#include "report/measurement_phrase.h"
#include "report/phrases.h"

namespace plainsight {
namespace {

// A figure a probe result gave, or one the probe results were weighed against.
bool from_probe(const Figure& f) {
  return f.provenance == Provenance::measured || f.provenance == Provenance::fitted ||
         f.provenance == Provenance::emulated || !f.considered.empty();
}

std::string figure_cell(const Figure& f) {
  return fmt::format("{} ({})", format_duration(f.value), to_string(f.provenance));
}

// "measured: pcie, fitted: checkpoint" style list of where the workload's figures came from.
std::string provenance_summary(const WorkloadCost& w) {
  std::map<std::string, std::vector<std::string>> by;
  for (const CostLine& l : w.lines) {
    by[std::string(to_string(l.off.provenance))].push_back(transfer_phrase(l.kind) + " CC off");
    by[std::string(to_string(l.on.provenance))].push_back(transfer_phrase(l.kind) + " CC on");
  }
  std::string out;
  for (const auto& [prov, what] : by)
    out += fmt::format("{}{}: {}", out.empty() ? "" : "; ", prov, fmt::join(what, ", "));
  return out;
}

}  // namespace

TextTable cc_pair_table(const Analysis& a) {
  TextTable t;
  t.header = {"Stage", "CC off", "CC on", "On/off", "Window uses"};
  for (std::size_t i = 0; i < a.windows.size(); ++i) {
    const Window& w = a.windows[i];
    if (!w.cc) continue;
    // A group may run in its own confidential mode.
    const Platform& p = a.scenario.platform_of(a.scenario.stages[i]);
    // A refused pair (CC on faster than off) is shown, never priced: the table says so.
    t.rows.push_back({name_phrase(w), figure_cell(w.cc->off), figure_cell(w.cc->on),
                      !w.cc->refused ? fmt::format("{:.2f}x", w.cc->ratio())
                                     : fmt::format("{:.2f}x, refused: {}", w.cc->ratio(),
                                                   cc_pair_refusal_phrase(*w.cc)),
                      p.confidential_mode ? "CC on" : "CC off"});
  }
  return t;
}

TextTable workload_table(const Analysis& a) {
  TextTable t;
  t.header = {"Transfer", "Stage", "Bytes", "Times", "CC off", "CC on", "Extra over the run"};
  if (!a.workload) return t;
  for (const CostLine& l : a.workload->lines)
    t.rows.push_back({transfer_phrase(l.kind), l.stage, format_bytes(l.bytes),
                      format_events(l.count), figure_cell(l.off), figure_cell(l.on),
                      format_duration(l.extra_s())});
  t.rows.push_back({"total", "", "", "", format_duration(a.workload->run_off_s),
                    format_duration(a.workload->run_on_s), format_duration(a.workload->extra_s())});
  return t;
}

std::vector<std::string> measurement_lines(const Analysis& a) {
  std::vector<std::string> out;
  for (const MeasurementUse& m : a.measurements)
    out.push_back(fmt::format("{}: {}, {} results, started {}", m.file, machine_phrase(m.machine),
                              m.results,
                              m.started_at.empty() ? "at an unknown time" : m.started_at));
  return out;
}

void measurement_sections_plain(std::ostream& out, const Analysis& a) {
  if (!a.measurements.empty()) {
    out << "\nMeasurements:\n";
    for (const std::string& m : measurement_lines(a)) out << "  " << m << "\n";
    for (const Window& w : a.windows)
      if (from_probe(w.per_event))
        out << fmt::format("  {}: {}\n", w.stage, provenance_phrase(*a.catalog, w.per_event));
  }
  TextTable cc = cc_pair_table(a);
  if (!cc.rows.empty()) {
    out << "\nConfidential mode off and on (per event):\n";
    cc.write_plain(out);
  }
  if (a.workload) {
    out << "\nWorkload cost of confidential mode: " << workload_claim(*a.workload) << "\n";
    if (!a.workload->lines.empty()) {
      workload_table(a).write_plain(out);
      out << "Figures: " << provenance_summary(*a.workload) << "\n";
      for (const CostLine& l : a.workload->lines) {
        out << fmt::format("  {} CC off: {}\n", transfer_phrase(l.kind),
                           provenance_phrase(*a.catalog, l.off));
        out << fmt::format("  {} CC on: {}\n", transfer_phrase(l.kind),
                           provenance_phrase(*a.catalog, l.on));
      }
    }
    for (const std::string& n : workload_notes(*a.workload)) out << "Note: " << n << "\n";
    for (const std::string& l : published_run_lines(a)) out << l << "\n";
  }
  const std::vector<std::string> transfer = transfer_cost_lines(a);
  if (!transfer.empty()) out << '\n';
  for (const std::string& l : transfer) out << l << "\n";
}

void measurement_sections_markdown(std::ostream& out, const Analysis& a) {
  if (!a.measurements.empty()) {
    out << "\n## Measurements\n\n";
    for (const std::string& m : measurement_lines(a)) out << "- " << md_text(m) << "\n";
  }
  TextTable cc = cc_pair_table(a);
  if (!cc.rows.empty()) {
    out << "\n## Confidential mode off and on\n\n";
    cc.write_markdown(out);
  }
  if (a.workload) {
    out << "\n## Workload cost of confidential mode\n\n"
        << md_text(workload_claim(*a.workload)) << ".\n\n";
    if (!a.workload->lines.empty()) {
      workload_table(a).write_markdown(out);
      out << "\nFigures: " << md_text(provenance_summary(*a.workload)) << ".\n\n";
      for (const CostLine& l : a.workload->lines) {
        out << fmt::format("- {} CC off: {}\n", transfer_phrase(l.kind),
                           md_text(provenance_phrase(*a.catalog, l.off)));
        out << fmt::format("- {} CC on: {}\n", transfer_phrase(l.kind),
                           md_text(provenance_phrase(*a.catalog, l.on)));
      }
    }
    for (const std::string& n : workload_notes(*a.workload))
      out << "\nNote: " << md_text(n) << "\n";
    const std::vector<std::string> published = published_run_lines(a);
    if (!published.empty()) out << '\n';
    for (const std::string& l : published)
      out << (l.starts_with("  ") ? "  - " + md_text(l.substr(2)) : "- " + md_text(l)) << "\n";
  }
  const std::vector<std::string> transfer = transfer_cost_lines(a);
  if (!transfer.empty()) out << "\n## Transfer cost\n\n";
  for (const std::string& l : transfer)
    out << (l.starts_with("  ") ? "  - " + md_text(l.substr(2)) : "- " + md_text(l)) << "\n";
}

}  // namespace plainsight
