#include "report/diff_report.h"

#include <algorithm>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "build_info.h"
#include "core/quantity.h"
#include "report/cost_section.h"
#include "report/escaping.h"
#include "report/json_stream.h"
#include "report/measurement_section.h"
#include "report/phrases.h"
#include "report/text_table.h"
#include "report/threat_phrases.h"
#include "report/verdict_phrase.h"
#include "report/warning_phrase.h"

namespace plainsight {
namespace {

using json = nlohmann::ordered_json;

std::string prob(const std::optional<SimulationResult>& s) {
  if (!s) return "-";
  return fmt::format("{:.4f} [{:.4f}, {:.4f}]", s->probability, s->ci_low, s->ci_high);
}

// "2.362 s -> 1.2 s per event (-49.2%; datasheet -> measured)"
std::string per_event_change(const Window& w, const Window& v) {
  return fmt::format("{} -> {} per event ({:+.1f}%; {} -> {})", format_duration(w.per_event.value),
                     format_duration(v.per_event.value),
                     100 * (v.per_event.value - w.per_event.value) / w.per_event.value,
                     to_string(w.per_event.provenance), to_string(v.per_event.provenance));
}

json sim_json(const std::optional<SimulationResult>& s) {
  if (!s) return nullptr;
  return {{"trials", s->trials},
          {"seed", s->seed},
          {"probability", s->probability},
          {"ci95", {s->ci_low, s->ci_high}}};
}

// "plaintext total: 30 d -> 0 s", ...: what changed in a window, one line per field.
std::vector<std::string> window_changes(const ScenarioDiff& d, const WindowDelta& wd) {
  std::vector<std::string> out;
  if (wd.change != WindowDelta::Change::changed) return out;
  const Window& w = d.a->windows[wd.a];
  const Window& v = d.b->windows[wd.b];
  if (wd.replicas)
    out.push_back(
        fmt::format("replicas: {} -> {}", format_count(w.replicas), format_count(v.replicas)));
  if (wd.state)
    out.push_back(fmt::format("state: {} -> {}", to_string(w.state), to_string(v.state)));
  if (wd.protection)
    out.push_back(fmt::format("protection: {} -> {}", protection_phrase(w), protection_phrase(v)));
  if (wd.plaintext_total)
    out.push_back(fmt::format("plaintext total: {} -> {}", format_duration(w.plaintext_total_s),
                              format_duration(v.plaintext_total_s)));
  if (wd.readers)
    out.push_back(fmt::format("plaintext readers: [{}] -> [{}]",
                              fmt::join(w.plaintext_readers(), ", "),
                              fmt::join(v.plaintext_readers(), ", ")));
  if (wd.per_event) out.push_back("per event " + per_event_change(w, v));
  return out;
}

// What the run-time figures rest on: each transfer's provenance (CC off/on where they
// differ) and the sources that were measured or fitted, so that a reader sees at once
// whether the time cost is the catalog's or the probe's.
std::string priced_with(const WorkloadCost& w) {
  std::vector<std::string> parts;
  std::vector<std::string> sources;
  for (const CostLine& l : w.lines) {
    const std::string off(to_string(l.off.provenance)), on(to_string(l.on.provenance));
    parts.push_back(
        fmt::format("{} {}", transfer_phrase(l.kind), off == on ? off : off + "/" + on));
    for (const Figure* f : {&l.off, &l.on})
      if ((f->provenance == Provenance::measured || f->provenance == Provenance::fitted ||
           f->provenance == Provenance::emulated) &&
          std::find(sources.begin(), sources.end(), f->source) == sources.end())
        sources.push_back(f->source);
  }
  if (parts.empty()) return "";
  std::string out = fmt::format("; priced with: {}", fmt::join(parts, ", "));
  if (!sources.empty()) out += fmt::format(" (probe results: {})", fmt::join(sources, ", "));
  return out;
}

double run_time(const Analysis& a) {
  return a.workload->confidential_mode ? a.workload->run_on_s : a.workload->run_off_s;
}

// The time cost in sentences with provenance: each transfer window whose per-event duration
// changed, then the workload's run time on both sides.
std::vector<std::string> time_cost(const ScenarioDiff& d) {
  std::vector<std::string> out;
  for (const WindowDelta& wd : d.windows) {
    if (!wd.per_event || d.a->windows[wd.a].resident) continue;
    out.push_back(d.a->windows[wd.a].name + ": " +
                  per_event_change(d.a->windows[wd.a], d.b->windows[wd.b]));
  }
  if (d.workload) {
    const Analysis& a = *d.a;
    const Analysis& b = *d.b;
    const double ta = run_time(a), tb = run_time(b);
    out.push_back(fmt::format(
        "workload run time: {} -> {} ({:+.1f}%), confidential mode {} -> {}; figures: {}{}",
        format_duration(ta), format_duration(tb), ta > 0 ? 100 * (tb - ta) / ta : 0.0,
        a.workload->confidential_mode ? "on" : "off", b.workload->confidential_mode ? "on" : "off",
        workload_claim(*b.workload), priced_with(*b.workload)));
    // The whole-run cost published for each side's GPU generation, beside the estimate.
    for (const auto& [side, x] : {std::pair{"A", &a}, std::pair{"B", &b}})
      for (const PublishedRunCost& p : x->workload->published)
        out.push_back(
            p.slowdown > 0
                ? fmt::format("published for {}'s GPU generation ({}): {}: {} takes {:g}x as "
                              "long [{}: {}]",
                              side, x->workload->gpu, p.cost->name, p.cost->of, p.slowdown,
                              to_string(p.status), p.figures.front()->source.id)
                : fmt::format(
                      "published for {}'s GPU generation ({}): {}: +{:.1f}%{} of the run [{}: {}]",
                      side, x->workload->gpu, p.cost->name, 100 * p.low,
                      p.high > p.low ? fmt::format(" to +{:.1f}%", 100 * p.high) : std::string(),
                      to_string(p.status), p.figures.front()->source.id));
  } else {
    out.push_back(
        "no workload section on both sides: the run-time cost is not computed (per-event "
        "durations above show the transfer cost)");
  }
  return out;
}

// "raised", "lowered", "unchanged": the ceiling from A to B.
const char* ceiling_change(const ScenarioDiff& d) {
  return d.ceiling_b > d.ceiling_a ? "raised" : d.ceiling_b < d.ceiling_a ? "lowered" : "unchanged";
}

// The verdict's change first: the ceiling, then each side's chance of a full copy.
std::string verdict_change(const ScenarioDiff& d) {
  std::string s = fmt::format("Verdict: exposure ceiling OC{} -> OC{} ({})", d.ceiling_a,
                              d.ceiling_b, ceiling_change(d));
  const std::optional<VerdictChance> none;
  const auto& ca = d.a->verdict ? d.a->verdict->chance : none;
  const auto& cb = d.b->verdict ? d.b->verdict->chance : none;
  if (ca || cb)
    s += fmt::format("; chance of a full copy within the horizon {} -> {}",
                     ca ? fmt::format("{:.1f}% (OC{})", 100 * ca->probability, ca->level) : "none",
                     cb ? fmt::format("{:.1f}% (OC{})", 100 * cb->probability, cb->level) : "none");
  return s;
}

std::string headline(const Analysis& a) {
  const std::string h = verdict_text(a).headline;
  return h.empty() ? ceiling_summary(a) : h;
}

TextTable reachability_table(const ScenarioDiff& d);

std::vector<std::string> route_phrases(const std::vector<RouteRef>& routes) {
  std::vector<std::string> out;
  for (const RouteRef& r : routes) out.push_back(route_phrase(r));
  return out;
}

TextTable reachability_table(const ScenarioDiff& d) {
  TextTable t;
  t.header = {"Actor", "Path A", "Path B", "Opened in B", "Closed in B", "P(copy) A", "P(copy) B"};
  for (const ActorDelta& a : d.actors)
    t.rows.push_back(
        {fmt::format("OC{}", a.level), a.path_a ? format_duration(a.expected_a) : "none",
         a.path_b ? format_duration(a.expected_b) : "none",
         a.opened.empty() ? "-" : fmt::format("{}", fmt::join(route_phrases(a.opened), ", ")),
         a.closed.empty() ? "-" : fmt::format("{}", fmt::join(route_phrases(a.closed), ", ")),
         prob(a.sim_a), prob(a.sim_b)});
  return t;
}

}  // namespace

void render_diff_plain(std::ostream& raw, const ScenarioDiff& d) {
  // Scenario text reaches the terminal: every line is made visible on its way out.
  ShownStream out(raw);
  out << fmt::format("A: {}\nB: {}\n", d.a->scenario.name, d.b->scenario.name);
  out << fmt::format("{}\n  A: {}\n  B: {}\n", verdict_change(d), headline(*d.a), headline(*d.b));
  for (const std::string& m : measurement_lines(*d.a)) out << fmt::format("measurements: {}\n", m);
  for (const AnalysisWarning& w : d.warnings)
    out << fmt::format("warning: {}\n", warning_phrase(w));
  out << fmt::format("\nExposure ceiling: OC{} -> OC{}{}\n  A: {}\n  B: {}\n", d.ceiling_a,
                     d.ceiling_b,
                     d.ceiling_b > d.ceiling_a   ? " (raised)"
                     : d.ceiling_b < d.ceiling_a ? " (lowered)"
                                                 : " (unchanged)",
                     ceiling_summary(*d.a), ceiling_summary(*d.b));
  out << fmt::format("Plaintext time summed over windows: {} -> {}\n",
                     format_duration(d.plaintext_total_a), format_duration(d.plaintext_total_b));
  out << "\nWindows\n";
  if (d.windows.empty()) out << "  no window changed\n";
  for (const WindowDelta& w : d.windows) {
    out << fmt::format("  {} {} ({})\n", to_string(w.change), w.stage, w.name);
    for (const std::string& s : window_changes(d, w)) out << fmt::format("    {}\n", s);
  }
  const TextTable t = reachability_table(d);
  out << "\nReachability (readable plaintext routes; expected time of the cheapest path)\n\n";
  t.write_plain(out);
  out << "\nTime cost\n";
  for (const std::string& s : time_cost(d)) out << fmt::format("  {}\n", s);
}

void render_diff_json(std::ostream& out, const ScenarioDiff& d) {
  JsonStream js(out);
  js.begin_object();
  js.member("format", "plainsight-diff/1");
  js.member("tool", {{"name", "plainsight"}, {"version", PLAINSIGHT_VERSION}});
  js.member("verdict", {{"change", ceiling_change(d)},
                        {"summary", verdict_change(d)},
                        {"a", d.a->verdict ? verdict_json(*d.a) : json()},
                        {"b", d.b->verdict ? verdict_json(*d.b) : json()}});
  js.member("a", d.a->scenario.name);
  js.member("b", d.b->scenario.name);
  js.key("windows");
  js.begin_array();
  for (const WindowDelta& w : d.windows)
    js.value({{"stage", w.stage},
              {"name", w.name},
              {"change", to_string(w.change)},
              {"what", window_changes(d, w)}});
  js.end();
  js.member("exposure_ceiling", {{"a", d.ceiling_a},
                                 {"b", d.ceiling_b},
                                 {"a_summary", ceiling_summary(*d.a)},
                                 {"b_summary", ceiling_summary(*d.b)}});
  js.key("reachability");
  js.begin_array();
  for (const ActorDelta& a : d.actors)
    js.value({{"actor", a.actor},
              {"level", a.level},
              {"path_a", a.path_a},
              {"path_b", a.path_b},
              {"expected_a_s", a.path_a ? json(a.expected_a) : json()},
              {"expected_b_s", a.path_b ? json(a.expected_b) : json()},
              {"opened", route_phrases(a.opened)},
              {"closed", route_phrases(a.closed)},
              {"simulation_a", sim_json(a.sim_a)},
              {"simulation_b", sim_json(a.sim_b)},
              {"probability_change",
               a.sim_a && a.sim_b ? json(a.sim_b->probability - a.sim_a->probability) : json()}});
  js.end();
  js.member("plaintext_total_s", {{"a", d.plaintext_total_a}, {"b", d.plaintext_total_b}});
  js.member("time_cost", time_cost(d));
  js.member("measurements", measurement_lines(*d.a));
  js.member("warnings", warning_phrases(d.warnings));
  js.end();
  out.put('\n');
}

void render_diff_markdown(std::ostream& out, const ScenarioDiff& d) {
  out << fmt::format("# What-if: {} -> {}\n\n", md_text(d.a->scenario.name),
                     md_text(d.b->scenario.name));
  out << "**" << md_text(verdict_change(d)) << "**\n\n";
  out << "- **A:** " << md_text(headline(*d.a)) << "\n- **B:** " << md_text(headline(*d.b))
      << "\n\n";
  for (const AnalysisWarning& w : d.warnings)
    out << "> warning: " << md_text(warning_phrase(w)) << "\n\n";
  out << fmt::format("Plaintext time summed over windows: {} -> {}\n\n## Windows\n\n",
                     format_duration(d.plaintext_total_a), format_duration(d.plaintext_total_b));
  if (d.windows.empty()) out << "No window changed.\n";
  for (const WindowDelta& w : d.windows) {
    out << fmt::format("- **{}** {} ({})\n", to_string(w.change), md_text(w.stage),
                       md_text(w.name));
    for (const std::string& c : window_changes(d, w)) out << "  - " << md_text(c) << "\n";
  }
  out << "\n## Reachability\n\nReadable plaintext routes; expected time of the cheapest "
         "path.\n\n";
  reachability_table(d).write_markdown(out);
  out << "\n## Time cost\n\n";
  for (const std::string& c : time_cost(d)) out << "- " << md_text(c) << "\n";
}

void render_diff_html(std::ostream& out, const ScenarioDiff& d) {
  const std::string title =
      fmt::format("What-if: {} -> {}", d.a->scenario.name, d.b->scenario.name);
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
      << html_text(title)
      << "</title>\n<style>\nbody{font-family:\"DejaVu Sans\",Helvetica,Arial,sans-serif;"
         "max-width:60em;margin:1.5em auto;padding:0 1em;line-height:1.4}\n"
         "table{border-collapse:collapse;width:100%}td,th{border:1px solid #888;padding:3px "
         "6px;text-align:left;vertical-align:top;overflow-wrap:normal;word-break:normal}\n"
         "th{background:#eee}.verdict{font-size:1.15em;padding:.6em .8em;border-left:6px "
         "solid #2166ac;background:#f4f4f4}.verdict.lowered{border-left-color:#b2182b}\n"
         "h2{break-after:avoid}tr{break-inside:avoid}\n</style>\n</head>\n<body>\n<header>\n"
         "<h1>"
      << html_text(title) << "</h1>\n</header>\n<main>\n<section id=\"verdict\">\n"
      << fmt::format("<p class=\"verdict {}\"><b>{}</b></p>\n", ceiling_change(d),
                     html_text(verdict_change(d)))
      << "<ul>\n<li><b>A:</b> " << html_text(headline(*d.a)) << "</li>\n<li><b>B:</b> "
      << html_text(headline(*d.b)) << "</li>\n</ul>\n";
  for (const AnalysisWarning& w : d.warnings)
    out << "<p><b>warning:</b> " << html_text(warning_phrase(w)) << "</p>\n";
  out << "</section>\n<section id=\"windows\">\n<h2>Windows</h2>\n<p>"
      << html_text(fmt::format("Plaintext time summed over windows: {} -> {}",
                               format_duration(d.plaintext_total_a),
                               format_duration(d.plaintext_total_b)))
      << "</p>\n<ul>\n";
  if (d.windows.empty()) out << "<li>No window changed.</li>\n";
  for (const WindowDelta& w : d.windows) {
    out << "<li><b>" << html_text(to_string(w.change)) << "</b> " << html_text(w.stage) << " ("
        << html_text(w.name) << ")";
    const std::vector<std::string> changes = window_changes(d, w);
    if (!changes.empty()) {
      out << "<ul>";
      for (const std::string& c : changes) out << "<li>" << html_text(c) << "</li>";
      out << "</ul>";
    }
    out << "</li>\n";
  }
  out << "</ul>\n</section>\n<section id=\"reachability\">\n<h2>Reachability</h2>\n<table>"
         "<thead><tr>";
  const TextTable t = reachability_table(d);
  for (const std::string& h : t.header) out << "<th>" << html_text(h) << "</th>";
  out << "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out << "<tr>";
    for (const std::string& c : row) out << "<td>" << html_text(c) << "</td>";
    out << "</tr>\n";
  }
  out << "</tbody></table>\n</section>\n<section id=\"time\">\n<h2>Time cost</h2>\n<ul>\n";
  for (const std::string& c : time_cost(d)) out << "<li>" << html_text(c) << "</li>\n";
  out << "</ul>\n</section>\n</main>\n<footer><p>plainsight " << PLAINSIGHT_VERSION
      << "</p></footer>\n</body>\n</html>\n";
}

std::string render_diff_plain(const ScenarioDiff& d) {
  std::ostringstream out;
  render_diff_plain(out, d);
  return std::move(out).str();
}

std::string render_diff_json(const ScenarioDiff& d) {
  std::ostringstream out;
  render_diff_json(out, d);
  return std::move(out).str();
}

}  // namespace plainsight
