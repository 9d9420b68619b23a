#include "report/findings_section.h"

#include <fmt/format.h>

#include "report/escaping.h"
#include "report/finding.h"
#include "report/json_stream.h"
#include "report/phrases.h"

namespace plainsight {
namespace {

using json = nlohmann::ordered_json;

std::string shown_level(const FindingRef& f, const Tracking& t) {
  return t.suppressed() ? std::string("suppressed (") + f.level + ")" : f.level;
}

}  // namespace

TextTable findings_table(const Analysis& a) {
  TextTable t;
  t.header = {"Finding id", "Level", "Rule", "Stage", "Tracking"};
  for (const FindingRef& f : all_findings(a)) {
    const Tracking tr = tracking_of(a, f.id);
    t.rows.push_back({f.id, shown_level(f, tr), f.rule, name_phrase(a.windows[f.window]),
                      tr.entry ? tracking_phrase(tr) : "-"});
  }
  return t;
}

std::vector<std::string> untracked_ids(const Analysis& a) {
  std::vector<std::string> out;
  if (a.scenario.risk_tracking.empty()) return out;
  const std::vector<FindingRef> all = all_findings(a);
  for (const RiskEntry& e : a.scenario.risk_tracking) {
    bool found = false;
    for (const FindingRef& f : all) found = found || f.id == e.finding;
    if (!found) out.push_back(fmt::format("{} ({})", e.finding, e.where.str()));
  }
  return out;
}

std::string window_tracking(const Analysis& a, std::size_t i) {
  if (a.scenario.risk_tracking.empty()) return "";
  std::vector<std::string> rules;
  for (const Finding& f : findings_at(a, i)) rules.push_back(f.rule());
  if (metadata_visible(a, i)) rules.push_back(kMetadataRule);
  std::string out;
  for (const std::string& rule : rules) {
    const std::string id = finding_id(rule, a.windows[i].stage);
    const Tracking t = tracking_of(a, id);
    if (t.entry)
      out += (out.empty() ? "" : " | ") + fmt::format("{} {}: {}", id, rule, tracking_phrase(t));
  }
  return out;
}

void findings_plain(std::ostream& out, const Analysis& a) {
  out << "\nFindings (ids for risk_tracking: the SARIF fingerprints):\n\n";
  findings_table(a).write_plain(out);
  // After a blank line: a line straight under a table would read as one of its rows.
  const std::vector<std::string> untracked = untracked_ids(a);
  if (!untracked.empty()) out << '\n';
  for (const std::string& id : untracked)
    out << "warning: risk_tracking " << id << " matches no finding\n";
}

void findings_markdown(std::ostream& out, const Analysis& a) {
  out << "\n## Findings\n\nIds are the SARIF fingerprints a scenario's `risk_tracking:` is keyed "
         "by.\n\n";
  findings_table(a).write_markdown(out);
  for (const std::string& id : untracked_ids(a))
    out << "\n> warning: risk_tracking " << md_text(id) << " matches no finding\n";
}

void findings_html(std::ostream& out, const Analysis& a) {
  out << "<section id=\"findings\">\n<h2>Findings</h2>\n<p class=\"small\">Ids are the SARIF "
         "fingerprints a scenario's <code>risk_tracking:</code> is keyed by.</p>\n<table>"
         "<thead><tr>";
  const TextTable t = findings_table(a);
  for (const std::string& h : t.header) out << "<th>" << html_text(h) << "</th>";
  out << "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out << "<tr>";
    for (std::size_t k = 0; k < row.size(); ++k)
      out << (k == 0 ? "<td class=\"id\">" : "<td>") << html_text(row[k]) << "</td>";
    out << "</tr>\n";
  }
  out << "</tbody></table>\n";
  for (const std::string& id : untracked_ids(a))
    out << "<p class=\"small\">warning: risk_tracking " << html_text(id)
        << " matches no finding</p>\n";
  out << "</section>\n";
}

void write_findings_json(const Analysis& a, JsonStream& js) {
  js.key("findings");
  js.begin_array();
  for (const FindingRef& f : all_findings(a)) {
    const Tracking t = tracking_of(a, f.id);
    json j = {{"id", f.id},
              {"rule", f.rule},
              {"stage", a.windows[f.window].stage},
              {"level", f.level},
              {"suppressed", t.suppressed()}};
    if (t.entry)
      j["tracking"] = {{"status", std::string(to_string(t.entry->status))},
                       {"justification", t.entry->justification},
                       {"owner", t.entry->owner},
                       {"ticket", t.entry->ticket},
                       {"expires", t.entry->expires},
                       {"expired", t.expired},
                       {"summary", tracking_phrase(t)}};
    js.value(j);
  }
  js.end();
  js.member("risk_tracking_unmatched", untracked_ids(a));
}

}  // namespace plainsight
