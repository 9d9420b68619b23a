// The plain-text report: the window table, notes and the unit convention.
#include <sstream>

#include <fmt/format.h>

#include "core/quantity.h"
#include "report/escaping.h"
#include "report/figure_phrase.h"
#include "report/findings_section.h"
#include "report/measurement_section.h"
#include "report/phrases.h"
#include "report/places_section.h"
#include "report/render.h"
#include "report/text_wrap.h"
#include "report/threat_section.h"
#include "report/verdict_phrase.h"
#include "report/warning_phrase.h"
#include "report/window_notes.h"
#include "report/window_table.h"

namespace plainsight {

void render_table(std::ostream& out, const Analysis& a) { render_table(out, a, ReportOptions{}); }

namespace {

// "2.22 s x 360", "resident 30 d": a window in the fewest words.
std::string short_window(const Window& w) {
  // A window open per event (a blob decrypted 30 times) counts its events even when the
  // bytes stay resident between them: "57.86 s x 30", not "resident 57.86 s".
  if (w.events <= 1) return (w.resident ? "resident " : "") + format_duration(w.per_event.value);
  return fmt::format("{} x {}", format_duration(w.per_event.value), format_count(w.events));
}

// The verdict, the windows in short form and the attack paths, fitted to `width`.
void compact_table(std::ostream& out, const Analysis& a, std::size_t width) {
  const Scenario& s = a.scenario;
  out << fmt::format("{}\n", s.name);
  if (const VerdictText v = verdict_text(a); !v.headline.empty()) {
    out << wrap_paragraph("Verdict: " + v.headline, width, "", "  ");
    for (const VerdictItem& i : v.items)
      out << wrap_paragraph(i.label + ": " + i.text, width, "  ", "    ");
  }
  out << wrap_paragraph(
      fmt::format("asset: {} ({} weights, {} checkpoint); horizon {}", s.asset.name,
                  format_bytes(s.asset.weights_bytes()), format_bytes(s.asset.checkpoint_bytes()),
                  format_duration(s.horizon_s)),
      width, "", "  ");
  for (const auto& o : a.overrides) out << wrap_paragraph("override: " + o, width, "", "  ");
  out << "\nWindows:\n\n";
  TextTable t;
  t.header = {"Stage", "State", "Window", "Plaintext total", "Readers"};
  for (std::size_t i : table_order(a)) {
    const Window& w = a.windows[i];
    t.rows.push_back({name_phrase(w), state_phrase(w, s.stages[i]), short_window(w),
                      plaintext_total_phrase(w), readers_phrase(a, w)});
  }
  t.write_wrapped(out, width);
  if (const std::string tl = totals_line(a); !tl.empty())
    out << '\n' << wrap_paragraph(tl, width, "", "  ");
  if (a.threat.computed) {
    out << "\nAttack paths (expected times after a foothold):\n\n";
    TextTable p = paths_table(a);
    for (auto& row : p.rows)
      if (row[0].size() > 3 && row[0].starts_with("OC")) row[0] = row[0].substr(0, 3);
    p.write_wrapped(out, width);
  }
  if (!a.scenario.risk_tracking.empty()) {
    out << "\nRisk tracking (the scenario's decisions; --detail lists every finding id):\n";
    for (std::size_t i : table_order(a))
      if (const std::string t = window_tracking(a, i); !t.empty())
        out << wrap_paragraph(name_phrase(a.windows[i]) + ": " + t, width, "  ", "    ");
    for (const std::string& id : untracked_ids(a))
      out << wrap_paragraph("warning: risk_tracking " + id + " matches no finding", width, "  ",
                            "    ");
  }
  out << simulation_plain(a);
  for (const auto& w : a.warnings)
    out << wrap_paragraph("warning: " + warning_phrase(w), width, "", "  ");
}

}  // namespace

void render_table(std::ostream& raw, const Analysis& a, const ReportOptions& o) {
  if (o.table != TableLayout::wide) {
    ShownStream out(raw);
    if (o.table == TableLayout::compact) {
      compact_table(out, a, o.width);
      out << '\n'
          << wrap_paragraph(
                 "Units: GB = 1e9 bytes. More: --detail (notes, places, the exposure matrix, "
                 "costs, each path's steps, every column), --wide (the same, unwrapped).",
                 o.width, "", "");
      return;
    }
    // Detail: the wide report's sections, every table and line fitted to the width.
    std::ostringstream wide;
    ReportOptions all = o;
    all.table = TableLayout::wide;
    render_table(wide, a, all);
    std::string text = std::move(wide).str();
    // Its first lines (name, verdict, asset) as the compact report writes them.
    std::ostringstream head;
    compact_table(head, a, o.width);
    const std::size_t windows = head.str().find("\nWindows:\n");
    const std::size_t table = text.find("\n\n");
    out << (windows == std::string::npos ? std::string() : head.str().substr(0, windows + 1))
        << fit_plain_text(table == std::string::npos ? text : text.substr(table + 1), o.width);
    return;
  }
  // Scenario text shows up in many sentences: every line is made visible on its way out.
  ShownStream out(raw);
  const Scenario& s = a.scenario;
  out << fmt::format("{}\n", s.name);
  if (const VerdictText v = verdict_text(a); !v.headline.empty()) {
    out << "Verdict: " << v.headline << "\n";
    for (const VerdictItem& i : v.items) out << "  " << i.label << ": " << i.text << "\n";
  }
  out << fmt::format("asset: {} ({} weights, {} checkpoint); horizon {}\n", s.asset.name,
                     format_bytes(s.asset.weights_bytes()),
                     format_bytes(s.asset.checkpoint_bytes()), format_duration(s.horizon_s));
  for (const auto& o : a.overrides) out << "override: " << o << "\n";
  out << '\n';
  // The rows are held for their column widths, but the text is written as it goes.
  window_table(a).write_plain(out);
  if (const std::string t = totals_line(a); !t.empty()) out << '\n' << t << '\n';
  places_plain(out, a);
  notes_plain(out, a);
  out << "\nExposure matrix (" << cell_code_legend() << "):\n\n";
  compact_matrix_table(a).write_plain(out);
  const auto& caps = a.catalog->capabilities;
  for (std::size_t k = 0; k < caps.size(); ++k)
    out << fmt::format("{:>3} {} ({})\n", k + 1, caps[k].id, caps[k].name);
  measurement_sections_plain(out, a);
  threat_sections_plain(out, a);
  findings_plain(out, a);
  out << simulation_plain(a);
  out << "\nUnits: GB = 1e9 bytes; windows are per event x events over the horizon.\n";
  for (const auto& w : a.warnings) out << "warning: " << warning_phrase(w) << "\n";
}

void render_markdown(std::ostream& out, const Analysis& a) {
  const Scenario& s = a.scenario;
  out << fmt::format("# {}\n\n", md_text(s.name));
  if (const VerdictText v = verdict_text(a); !v.headline.empty()) {
    out << "**Verdict: " << md_text(v.headline) << "**\n\n";
    for (const VerdictItem& i : v.items)
      out << "- **" << md_text(i.label) << ":** " << md_text(i.text) << "\n";
    out << "\n";
  }
  if (!s.description.empty()) out << md_text(s.description) << "\n\n";
  out << fmt::format("Asset: {} ({} weights, {} checkpoint). Horizon: {}.\n\n",
                     md_text(s.asset.name), format_bytes(s.asset.weights_bytes()),
                     format_bytes(s.asset.checkpoint_bytes()), format_duration(s.horizon_s));
  for (const auto& o : a.overrides) out << "Override: " << md_text(o) << "\n\n";
  out << "## Plaintext windows\n\n";
  TextTable::markdown_header(out, window_table_header());
  for (std::size_t i : table_order(a)) TextTable::markdown_row(out, window_table_row(a, i));
  if (const std::string t = totals_line(a); !t.empty()) out << '\n' << t << '\n';
  places_markdown(out, a);
  notes_markdown(out, a);
  out << "\n## Where each window's duration comes from\n\n";
  for (std::size_t i : table_order(a))
    out << fmt::format("- **{}**: {}\n", md_text(name_phrase(a.windows[i])),
                       md_text(provenance_phrase(*a.catalog, a.windows[i].per_event)));
  measurement_sections_markdown(out, a);
  out << "\n## Exposure matrix\n\n";
  TextTable::markdown_header(out, exposure_matrix_header(a));
  for (std::size_t i : table_order(a)) TextTable::markdown_row(out, exposure_matrix_row(a, i));
  threat_sections_markdown(out, a);
  findings_markdown(out, a);
  out << simulation_markdown(a);
  out << "\nUnits: GB = 1e9 bytes.\n";
  for (const auto& w : a.warnings) out << "\n> warning: " << md_text(warning_phrase(w)) << "\n";
}

}  // namespace plainsight
