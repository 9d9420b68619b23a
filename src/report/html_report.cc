// HTML: one self-contained page for a security lead (inline CSS and SVG, no script, nothing
// fetched): a summary first (the ceiling verdict, the exposures that decide it, the cheapest
// defence and its cost, what rests on facts that are not a shipping product), the pipeline
// drawn, a timeline over the horizon, the windows, the exposure matrix as a heat map, the
// attack paths and minimal defences, the cost, the measurements and the sources. Every
// piece of scenario or catalog text goes through html_text(); colours have legends and words.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

#include "analyze/window_basis.h"
#include "build_info.h"
#include "core/quantity.h"
#include "report/cell_reason.h"
#include "report/citation_phrase.h"
#include "report/cost_section.h"
#include "report/escaping.h"
#include "report/figure_phrase.h"
#include "report/findings_section.h"
#include "report/measurement_section.h"
#include "report/palette.h"
#include "report/phrases.h"
#include "report/pipeline_drawing.h"
#include "report/places_section.h"
#include "report/render.h"
#include "report/text_table.h"
#include "report/threat_phrases.h"
#include "report/threat_section.h"
#include "report/timeline_drawing.h"
#include "report/verdict_phrase.h"
#include "report/warning_phrase.h"
#include "report/window_notes.h"
#include "report/window_table.h"

namespace plainsight {
namespace {

constexpr const char* kStyle = R"(
:root{color-scheme:light}
body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;font-size:14px;line-height:1.4;
  margin:1.5em auto;max-width:1200px;padding:0 1em;color:#111}
h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.25em;margin-top:1.6em;border-bottom:2px solid #333}
h3{font-size:1.05em;margin-bottom:.3em}
h2,h3{break-after:avoid}
.meta{color:#333}
.verdict{font-size:1.15em;padding:.6em .8em;border-left:6px solid #b2182b;background:#f4f4f4}
.verdict.kept{border-left-color:#2166ac}
table{border-collapse:collapse;margin:.6em 0;width:100%;table-layout:auto}
td,th{border:1px solid #888;padding:3px 6px;text-align:left;vertical-align:top;
  overflow-wrap:break-word;word-break:normal;hyphens:manual}
code.digest{overflow-wrap:anywhere}
th{background:#eee}
.swatch{display:inline-block;width:1.1em;height:1.1em;border:1px solid #333;vertical-align:-.2em;
  margin-right:.3em}
.legend span.item{margin-right:1.2em;white-space:nowrap;display:inline-block}
svg{max-width:100%;height:auto;display:block;margin:.4em 0}
svg text{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif}
table.heat{table-layout:fixed;width:100%}
table.heat th.cap{height:13em;vertical-align:bottom;padding:2px;font-weight:normal;font-size:.85em}
table.heat th.cap div{writing-mode:vertical-rl;transform:rotate(180deg);max-height:13em;
  margin:0 auto;overflow-wrap:normal;word-break:normal}
table.heat th.stage{width:13em}
table.heat td.c{text-align:center;font-weight:bold;padding:2px 0;font-size:.9em}
td.a-plaintext{background:#b2182b;color:#fff}
td.a-patterns{background:#ef8a62;color:#000}
td.a-metadata{background:#fddbc7;color:#000}
td.a-ciphertext{background:#d1e5f0;color:#000}
td.a-unreachable{background:#fff;color:#666}
td.a-released{background:#8c510a;color:#fff}
td.decides{box-shadow:inset 0 0 0 3px #000}
td.key{outline:3px double #000;outline-offset:-4px}
.small{font-size:.85em;color:#333}
ul.steps li{margin-bottom:.2em}
@page{size:auto;margin:12mm}
@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}
  h2,h3{break-after:avoid}svg,.legend,table.heat thead{break-inside:avoid}
  table{break-inside:auto}tr{break-inside:avoid}
  .verdict{background:none}}
)";

// Escaped text with each figure kept on one line with its unit ("140&nbsp;GB",
// "2.362&nbsp;s"): a cell wraps between words, never between a number and its unit.
std::string cell_text(std::string_view text) {
  static constexpr std::string_view kUnits[] = {
      "ns", "us", "ms", "s",   "min", "h",   "d",   "y",    "B",    "kB",   "MB", "GB",
      "TB", "PB", "EB", "KiB", "MiB", "GiB", "TiB", "GB/s", "MB/s", "Gb/s", "x",  "%"};
  const std::string in = html_text(text);
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == ' ' && i > 0 && std::isdigit(static_cast<unsigned char>(in[i - 1]))) {
      std::size_t j = i + 1;
      while (j < in.size() &&
             (std::isalpha(static_cast<unsigned char>(in[j])) || in[j] == '/' || in[j] == '%'))
        ++j;
      const std::string_view word(in.data() + i + 1, j - i - 1);
      if (std::find(std::begin(kUnits), std::end(kUnits), word) != std::end(kUnits)) {
        out += "&nbsp;";
        continue;
      }
    }
    out += in[i];
  }
  return out;
}

void table(std::ostream& out, const TextTable& t, const char* cls = nullptr) {
  out << (cls ? fmt::format("<table class=\"{}\">", cls) : std::string("<table>"))
      << "\n<thead><tr>";
  for (const auto& h : t.header) out << "<th>" << html_text(h) << "</th>";
  out << "</tr></thead>\n<tbody>\n";
  for (const auto& r : t.rows) {
    out << "<tr>";
    for (const auto& c : r) out << "<td>" << cell_text(c) << "</td>";
    out << "</tr>\n";
  }
  out << "</tbody></table>\n";
}

void list(std::ostream& out, const std::vector<std::string>& items) {
  if (items.empty()) return;
  out << "<ul>\n";
  for (const std::string& s : items) out << "<li>" << html_text(s) << "</li>\n";
  out << "</ul>\n";
}

std::string swatch(const char* fill) {
  return fmt::format("<span class=\"swatch\" style=\"background:{}\"></span>", fill);
}

const char* access_class(Access a) {
  switch (a) {
    case Access::plaintext:
      return "a-plaintext";
    case Access::patterns:
      return "a-patterns";
    case Access::metadata:
      return "a-metadata";
    case Access::ciphertext:
      return "a-ciphertext";
    case Access::unreachable:
    case Access::keys:
      return "a-unreachable";
  }
  return "a-unreachable";
}

void summary(std::ostream& out, const Analysis& a) {
  out << "<section id=\"summary\">\n<h2>Summary</h2>\n";
  if (a.threat.computed) {
    const ExposureCeiling& c = a.threat.ceiling;
    const VerdictText v = verdict_text(a);
    out << fmt::format("<p class=\"verdict{}\"><b>{}.</b></p>\n",
                       c.breached_by.empty() ? " kept" : "", html_text(v.headline));
    std::vector<std::string> items;
    for (const VerdictItem& i : v.items) items.push_back(i.label + ": " + i.text);
    list(out, items);
    out << fmt::format(
        "<p class=\"small\"><b>Exposure ceiling: {}.</b> {}. An exposure-based reading of RAND "
        "SL1..SL5, not a certification: it looks only at where the bytes sit in plaintext and "
        "who can reach them there.</p>\n",
        html_text(ceiling_label(c.level)), html_text(ceiling_summary(a)));
    const ActorThreat* breach = actor_threat(a, c.breached_by);
    if (breach) {
      out << "<h3>The exposures that decide it</h3>\n<ul>\n";
      for (const CeilingWindow& cw : c.windows) {
        if (!cw.readable) continue;
        const Window& w = a.windows[cw.window];
        const Capability* cap = a.catalog->capability(cw.capability);
        out << fmt::format("<li><b>{}</b>{}: {} reads a full copy{}; {}. {}</li>\n",
                           html_text(name_phrase(w)),
                           w.location.empty() ? "" : " (" + html_text(w.location) + ")",
                           html_text(cap ? cap->name : cw.capability),
                           cw.key_route ? " once a forged attestation has the key released" : "",
                           html_text(protection_phrase(w)),
                           html_text(reach_reason(breach->reach[cw.reach], breach->actor)));
      }
      out << "</ul>\n<h3>The cheapest defence</h3>\n";
      if (a.threat.defenses)
        out << "<p>" << html_text(defense_summary(breach->actor, breach->defense)) << ".</p>\n";
      else
        out << "<p>Not computed in this run.</p>\n";
    }
  }
  if (a.workload)
    out << "<p><b>What confidential mode costs:</b> " << html_text(workload_claim(*a.workload))
        << ".</p>\n";
  std::vector<std::string> rests;
  for (std::size_t i : table_order(a)) {
    const std::string r = rests_on_phrase(a, i);
    if (!r.starts_with("shipping") || r.find("disputed") != std::string::npos)
      rests.push_back(name_phrase(a.windows[i]) + ": " + r);
  }
  out << "<h3>What rests on announced, claimed or assumed facts</h3>\n";
  if (rests.empty())
    out << "<p>Every row rests on shipping products, and no source disputes one.</p>\n";
  else
    list(out, rests);
  out << "</section>\n";
}

void pipeline(std::ostream& out, const Analysis& a) {
  out << "<section id=\"pipeline\">\n<h2>The pipeline</h2>\n";
  if (a.windows.size() > kMaxDrawnStages)
    out << fmt::format(
        "<p>{} stages: drawn only up to {}. <code>plainsight analyze SCENARIO --format dot</code> "
        "gives the whole graph for graphviz.</p>\n",
        a.windows.size(), kMaxDrawnStages);
  else
    pipeline_svg(out, a);
  if (has_places(a)) {
    out << "<h3>Places: whose machine each stage is on</h3>\n<table>\n<thead><tr>";
    const TextTable t = places_table(a);
    for (const auto& h : t.header) out << "<th>" << html_text(h) << "</th>";
    out << "</tr></thead>\n<tbody>\n";
    for (const auto& row : t.rows) {
      out << "<tr>";
      for (const auto& c : row) out << "<td>" << cell_text(c) << "</td>";
      out << "</tr>\n";
    }
    out << "</tbody></table>\n";
    if (const std::vector<std::string> b = boundary_lines(a); !b.empty()) {
      out << "<h3>Trust boundaries: flows from one place to another</h3>\n";
      list(out, b);
    }
  }
  out << "</section>\n<section id=\"timeline\">\n<h2>Over the horizon</h2>\n"
         "<p class=\"small\">Each row is a stage; bars are drawn to scale over the horizon.</p>\n";
  timeline_svg(out, a);
  if (a.windows.size() > kMaxDrawnStages)
    out << fmt::format("<p>The first {} stages are drawn.</p>\n", kMaxDrawnStages);
  out << "</section>\n";
}

void windows(std::ostream& out, const Analysis& a) {
  out << "<section id=\"windows\">\n<h2>Plaintext windows</h2>\n";
  // Row by row: HTML needs no column widths, so the table is never held whole.
  out << "<table>\n<thead><tr>";
  for (const auto& h : window_table_header()) out << "<th>" << html_text(h) << "</th>";
  out << "</tr></thead>\n<tbody>\n";
  for (std::size_t i : table_order(a)) {
    const Swatch s = state_swatch(a.windows[i].state);
    const std::vector<std::string> row = window_table_row(a, i);
    out << "<tr>";
    for (std::size_t k = 0; k < row.size(); ++k)
      out << "<td>" << (k == 2 ? swatch(s.fill) : "") << cell_text(row[k]) << "</td>";
    out << "</tr>\n";
  }
  out << "</tbody></table>\n";
  if (const std::string t = totals_line(a); !t.empty()) out << "<p>" << html_text(t) << "</p>\n";
  bool any = false;
  for (std::size_t i : table_order(a)) {
    const std::vector<std::string> notes = window_notes(a, i);
    if (notes.empty()) continue;
    if (!any) out << "<h3>Notes</h3>\n";
    any = true;
    out << "<p><b>" << html_text(name_phrase(a.windows[i])) << "</b></p>\n";
    list(out, notes);
  }
  out << "</section>\n";
}

void matrix(std::ostream& out, const Analysis& a) {
  const auto& caps = a.catalog->capabilities;
  out << "<section id=\"matrix\">\n<h2>Exposure matrix</h2>\n<p class=\"legend\">";
  for (Access x : legend_accesses()) {
    const Swatch s = access_swatch(x);
    out << "<span class=\"item\">" << swatch(s.fill) << html_text(s.label) << "</span>";
  }
  out << "<span class=\"item\"><span class=\"swatch\" style=\"background:#8c510a\"></span>R: "
         "read through a released key</span>"
         "<span class=\"item\"><span class=\"swatch\" style=\"box-shadow:inset 0 0 0 3px #000"
         "\"></span>!: decides the verdict (thick border)</span>"
         "<span class=\"item\"><span class=\"swatch\" style=\"outline:3px double #000;"
         "outline-offset:-4px\"></span>K: a key (double border)</span></p>\n"
         "<p class=\"small\">"
      << html_text(cell_code_legend())
      << ". Columns are the catalog's capabilities; hover a cell for why.</p>\n";
  out << "<table class=\"heat\">\n<thead><tr><th class=\"stage\">Stage</th>";
  // Names, as every table writes them, rotated and wrapped between words (two short lines
  // where a name is long); the id in the tooltip and in the list after the table.
  for (const Capability& c : caps)
    out << fmt::format("<th class=\"cap\" title=\"{}\"><div>{}</div></th>", html_text(c.id),
                       html_text(c.name));
  out << "</tr></thead>\n<tbody>\n";
  for (std::size_t i : table_order(a)) {
    const Window& w = a.windows[i];
    out << "<tr><th class=\"stage\">" << html_text(name_phrase(w)) << "</th>";
    for (std::size_t k = 0; k < w.cells.size(); ++k) {
      const Cell& cell = w.cells[k];
      const FullCopyRoute* r = a.threat.computed ? a.threat.route(i, k) : nullptr;
      const bool released = r && r->released_key && cell.access != Access::plaintext;
      std::string why = cell_reason(*a.catalog, a.scenario.places[w.place], w, cell);
      if (released) why += "; a full copy is read through a released key";
      if (r && r->deciding) why += "; this decides the verdict";
      out << fmt::format("<td class=\"c {}{}{}\" title=\"{}\">{}</td>",
                         released ? "a-released" : access_class(cell.access),
                         cell.extracts ? " key" : "", r && r->deciding ? " decides" : "",
                         html_text(why), html_text(cell_code(a, i, k)));
    }
    out << "</tr>\n";
  }
  out << "</tbody></table>\n<p class=\"small\">Columns: ";
  for (std::size_t k = 0; k < caps.size(); ++k)
    out << (k ? "; " : "") << "<b>" << html_text(caps[k].id) << "</b> " << html_text(caps[k].name);
  out << ".</p>\n</section>\n";
}

void threats(std::ostream& out, const Analysis& a) {
  if (!a.threat.computed) return;
  const ExposureCeiling& c = a.threat.ceiling;
  out << "<section id=\"ceiling\">\n<h2>Exposure ceiling: " << html_text(ceiling_label(c.level))
      << "</h2>\n<p>" << html_text(ceiling_summary(a)) << ".</p>\n";
  if (!c.windows.empty()) table(out, ceiling_table(a));
  out << "</section>\n<section id=\"paths\">\n<h2>Attack paths</h2>\n<p class=\"small\">Expected "
         "times after a foothold; MAL time-to-compromise distributions.</p>\n";
  table(out, paths_table(a));
  for (const ActorThreat& at : a.threat.actors) {
    out << "<h3>" << html_text(at.actor.name) << "</h3>\n<p>"
        << html_text(path_summary(*a.catalog, at.actor, at.path)) << "</p>\n";
    if (!at.path.found) continue;
    out << "<ul class=\"steps\">\n";
    for (const std::string& s : step_lines(a, at)) out << "<li>" << html_text(s) << "</li>\n";
    out << "</ul>\n";
  }
  out << "</section>\n";
  if (!a.threat.defenses) return;
  out << "<section id=\"defences\">\n<h2>Minimal defences</h2>\n";
  for (const ActorThreat& at : a.threat.actors) {
    const MinimalDefense& d = at.defense;
    out << "<h3>" << html_text(at.actor.name) << "</h3>\n<p>"
        << html_text(defense_summary(at.actor, d)) << ".</p>\n";
    if (!d.needed) continue;
    std::vector<std::string> items;
    for (const ControlClosure& cl : d.closes)
      items.push_back(fmt::format("{} closes {}", cl.control, brief_routes(cl.closes, 8)));
    if (!d.uncut.empty())
      items.push_back("nothing in the catalog closes " + brief_routes(d.uncut, 8));
    if (!d.opens.empty())
      items.push_back("the controls open " + brief_routes(d.opens, 8) + ", closed before");
    items.push_back("after it: " + path_summary(*a.catalog, at.actor, d.after));
    list(out, items);
  }
  out << "</section>\n";
}

void costs(std::ostream& out, const Analysis& a) {
  const std::vector<std::string> lines = cost_lines(a);
  if (!a.workload && lines.empty()) return;
  out << "<section id=\"cost\">\n<h2>Cost</h2>\n";
  if (a.workload) {
    out << "<p><b>Workload:</b> " << html_text(workload_claim(*a.workload)) << ".</p>\n";
    if (!a.workload->lines.empty()) table(out, workload_table(a));
    list(out, workload_notes(*a.workload));
  }
  list(out, lines);
  out << "</section>\n";
}

void measurements(std::ostream& out, const Analysis& a) {
  out << "<section id=\"measurements\">\n<h2>Where each duration comes from</h2>\n<ul>\n";
  for (std::size_t i : table_order(a))
    out << "<li><b>" << html_text(name_phrase(a.windows[i]))
        << "</b>: " << html_text(provenance_phrase(*a.catalog, a.windows[i].per_event))
        << "</li>\n";
  out << "</ul>\n";
  if (!a.measurements.empty()) {
    out << "<h3>Probe results</h3>\n";
    list(out, measurement_lines(a));
  }
  const TextTable cc = cc_pair_table(a);
  if (!cc.rows.empty()) {
    out << "<h3>Confidential mode off and on (per event)</h3>\n";
    table(out, cc);
  }
  out << "</section>\n";
}

void sources(std::ostream& out, const Analysis& a) {
  const Catalog& c = *a.catalog;
  // Every source a row rests on, with the statuses it is cited with.
  std::map<std::string, std::set<std::string>> used;
  for (std::size_t i = 0; i < a.windows.size(); ++i)
    for (const BasisFact& f : window_basis(c, a.scenario, a.scenario.stages[i], a.windows[i])) {
      used[f.source->id].insert(status_phrase(c, *f.source));
      if (f.cited)
        for (const Citation& k : f.cited->disputed_by) used[k.id].insert(status_phrase(c, k));
    }
  out << "<section id=\"sources\">\n<h2>Sources</h2>\n<table>\n<thead><tr><th>Source</th>"
         "<th>Title</th><th>Publisher, date</th><th>Status as cited</th></tr></thead>\n<tbody>\n";
  for (const auto& [id, statuses] : used) {
    const Source* s = c.source(id);
    std::string st;
    for (const std::string& x : statuses) st += (st.empty() ? "" : "; ") + x;
    out << fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", html_text(id),
                       html_text(s ? s->title : ""),
                       html_text(s ? s->publisher + ", " + s->date : ""), html_text(st));
  }
  out << "</tbody></table>\n</section>\n";
}

}  // namespace

void render_html(std::ostream& out, const Analysis& a) {
  const Scenario& s = a.scenario;
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"plainsight\">\n<title>"
      << html_text(s.name) << " - plainsight</title>\n<style>" << kStyle
      << "</style>\n</head>\n<body>\n<header>\n<h1>" << html_text(s.name) << "</h1>\n";
  if (!s.description.empty()) out << "<p>" << html_text(s.description) << "</p>\n";
  out << "<p class=\"meta\">"
      << html_text(fmt::format("Asset: {} ({} weights, {} checkpoint). Horizon: {}.", s.asset.name,
                               format_bytes(s.asset.weights_bytes()),
                               format_bytes(s.asset.checkpoint_bytes()),
                               format_duration(s.horizon_s)))
      << "</p>\n";
  for (const auto& o : a.overrides) out << "<p>Override: <code>" << html_text(o) << "</code></p>\n";
  out << "</header>\n<main>\n";
  summary(out, a);
  pipeline(out, a);
  windows(out, a);
  matrix(out, a);
  threats(out, a);
  findings_html(out, a);
  costs(out, a);
  measurements(out, a);
  sources(out, a);
  out << "</main>\n<footer>\n";
  for (const auto& w : a.warnings)
    out << "<p><b>warning:</b> " << html_text(warning_phrase(w)) << "</p>\n";
  out << "<p class=\"small\">Units: GB = 1e9 bytes, GiB = 2^30 bytes; durations per event x "
         "events over the horizon.</p>\n";
  // What made this page: the tool, the date its tracking was read as of, the scenario's exact
  // bytes and every override, so that a printed copy can be traced and made again.
  out << "<p class=\"small\">Written by plainsight " << PLAINSIGHT_VERSION;
  if (!a.as_of.empty()) out << " on " << html_text(a.as_of);
  out << " from <code>" << html_text(a.scenario.file) << "</code>";
  if (!a.scenario_sha256.empty())
    out << " (SHA-256 <code class=\"digest\">" << a.scenario_sha256 << "</code>)";
  out << (a.overrides.empty() ? "; no overrides" : "; overrides:");
  for (std::size_t i = 0; i < a.overrides.size(); ++i)
    out << (i ? ", " : " ") << "<code>" << html_text(a.overrides[i]) << "</code>";
  out << ".</p>\n</footer>\n</body>\n</html>\n";
}

}  // namespace plainsight
