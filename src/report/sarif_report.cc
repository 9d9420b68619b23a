// SARIF 2.1.0 for code scanning (GitHub's rules included): one result per stage and capability
// class (software, physical, remote) whose capabilities read the weights there in plaintext or
// through a released key, the verdict's deciding exposures first, and one per stage whose
// metadata is visible; each located at the stage's line in the scenario, relative to %SRCROOT%,
// with a level and a security-severity derived from what the threat analysis found there, and a
// fingerprint that survives edits elsewhere in the file. docs/reports.md#sarif says more.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <set>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "analyze/durations.h"
#include "build_info.h"
#include "core/printable.h"
#include "core/quantity.h"
#include "report/cell_reason.h"
#include "report/finding.h"
#include "report/json_stream.h"
#include "report/phrases.h"
#include "report/place_phrase.h"
#include "report/render.h"
#include "report/threat_phrases.h"
#include "report/verdict_phrase.h"

namespace plainsight {
namespace {

using json = nlohmann::ordered_json;

// RFC 3986: every byte but the unreserved ones and '/' percent-encoded.
std::string uri_path(const std::string& path) {
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/')
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

// An argument as one shell word: quoted where the shell would read it otherwise.
std::string shell_word(const std::string& arg) {
  if (!arg.empty() && arg.find_first_of(" \t'\"\\$<>|&;()`*?[]{}~#!") == std::string::npos)
    return arg;
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The scenario file as a URI relative to %SRCROOT% (`srcroot`, or the directory plainsight runs
// in: a repository's root in CI); a file outside it gets an absolute file: URI and no base.
json artifact_location(const std::string& file, const std::string& srcroot) {
  namespace fs = std::filesystem;
  fs::path p(file);
  std::error_code ec;
  const fs::path root = srcroot.empty() ? fs::current_path(ec) : fs::absolute(srcroot, ec);
  if (!ec) p = fs::absolute(p, ec).lexically_normal().lexically_relative(root.lexically_normal());
  if (!ec && !p.empty() && !p.is_absolute() && *p.begin() != "..")
    return {{"uri", uri_path(p.generic_string())}, {"uriBaseId", "%SRCROOT%"}};
  const fs::path abs = fs::absolute(file, ec).lexically_normal();
  return {{"uri", "file://" + uri_path(abs.generic_string())}};
}

// How long the capability can read there within the horizon: the plaintext coverage, or for
// a reader the state does not stop (a key-service caller), the time the bytes are there.
std::string exposure_phrase(const Analysis& a, const Window& w) {
  const double horizon = a.scenario.horizon_s;
  if (w.plaintext_coverage_s > 0) {
    std::string s = fmt::format("Plaintext for {} of the {} horizon",
                                format_duration(w.plaintext_coverage_s), format_duration(horizon));
    if (w.plaintext_total_s > w.plaintext_coverage_s * 1.001)
      s += fmt::format(" (windows overlap: {} summed)", format_duration(w.plaintext_total_s));
    return s;
  }
  const double there = coverage(w.per_event.value, w.events, w.event_period_s, horizon);
  return fmt::format("Readable whenever the bytes are there: {} of the {} horizon",
                     format_duration(there), format_duration(horizon));
}

json rule(const std::string& id, const std::string& name, const std::string& short_text,
          const std::string& full_text, const std::string& help, const std::string& anchor,
          const ReportOptions& o, json properties) {
  json r = {{"id", id},
            {"name", name},
            {"shortDescription", {{"text", short_text}}},
            {"fullDescription", {{"text", full_text}}},
            {"defaultConfiguration", {{"level", "warning"}}},
            {"help", {{"text", help}, {"markdown", help}}}};
  if (!o.docs_url.empty()) r["helpUri"] = o.docs_url + "/reports.md#" + anchor;
  r["properties"] = std::move(properties);
  return r;
}

std::string score_text(double s) { return fmt::format("{:.1f}", s); }

std::string names(const Catalog& c, const Window& w, const std::vector<std::size_t>& ks) {
  std::string out;
  for (std::size_t n = 0; n < ks.size(); ++n) {
    const Capability* cap = c.capability(w.cells[ks[n]].capability);
    out += (n == 0               ? ""
            : n + 1 == ks.size() ? " and "
                                 : ", ") +
           (cap ? cap->name : w.cells[ks[n]].capability);
  }
  return out;
}

// What the threat analysis found, and for a deciding exposure the minimal defence.
std::string verdict_sentence(const Analysis& a, const Finding& f) {
  if (!a.threat.computed) return "The threat analysis was not run (--no-threats).";
  const ExposureCeiling& c = a.threat.ceiling;
  if (f.deciding) {
    std::string s = fmt::format(
        "It decides the verdict: OC{} reads a full copy here and completes a path within its "
        "dwell.",
        c.breached_level);
    if (const ActorThreat* breach = actor_threat(a, c.breached_by); breach && a.threat.defenses)
      s += fmt::format(" Minimal defence: {}.", defense_summary(breach->actor, breach->defense));
    return s;
  }
  int lowest = 0;
  for (const auto* ks : {&f.plaintext, &f.released})
    for (std::size_t k : *ks)
      if (const FullCopyRoute* r = a.threat.route(f.window, k))
        lowest = lowest == 0 ? r->level : std::min(lowest, r->level);
  if (lowest > 0)
    return fmt::format(
        "OC{} and above read a full copy here before it closes, but not within their dwell on "
        "the path that decides the verdict.",
        lowest);
  return "No actor in the catalog reads a full copy here before it closes.";
}

}  // namespace

void render_sarif(std::ostream& out, const Analysis& a, const ReportOptions& o) {
  const Catalog& c = *a.catalog;
  // Each rule's security-severity is the highest of its results in this run: GitHub reads
  // it from the rule, so that is what a reader of the alert list sees.
  std::vector<double> highest(capability_classes().size(), 0);
  bool metadata = false;
  for (std::size_t i = 0; i < a.windows.size(); ++i) {
    for (const Finding& f : findings_at(a, i))
      highest[f.cls] = std::max(highest[f.cls], f.worst.score);
    for (const Cell& cell : a.windows[i].cells) metadata |= cell.access == Access::metadata;
  }
  for (const Stage& st : a.scenario.stages) metadata |= st.attributes.count("metadata") > 0;
  json rules = json::array();
  for (std::size_t k = 0; k < capability_classes().size(); ++k) {
    const ClassWords& cw = capability_classes()[k];
    std::string members;
    for (const Capability& cap : c.capabilities)
      if (cap.capability_class == cw.id) members += (members.empty() ? "" : ", ") + cap.name;
    rules.push_back(rule(fmt::format("plaintext/{}", cw.id), cw.name, cw.short_text,
                         fmt::format("A stage holds the weights where a capability of this class "
                                     "({}) reads them: in plaintext, or as ciphertext whose key "
                                     "a forged attestation has released.",
                                     members),
                         cw.help, "sarif-plaintext", o,
                         {{"class", std::string(cw.id)},
                          {"tags", {"security", "confidentiality"}},
                          {"precision", "high"},
                          {"security-severity", score_text(highest[k] > 0 ? highest[k] : 2.0)}}));
  }
  if (metadata)
    rules.push_back(rule(
        kMetadataRule, "MetadataVisible", "Transfer metadata visible",
        "Sizes, endpoints, timing or file names of the weights are visible to whoever runs or "
        "watches this stage, whatever the encryption.",
        "Metadata tells an observer that weights moved, how large they are and where to. "
        "Encryption does not hide it; a relay that sees less (end-to-end transfer, padding, "
        "neutral names) does. docs/reports.md (SARIF) explains the levels.",
        "sarif-metadata", o,
        {{"tags", {"security", "privacy"}}, {"precision", "high"}, {"security-severity", "3.0"}}));

  JsonStream js(out);
  js.begin_object();
  js.member("$schema",
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
            "sarif-schema-2.1.0.json");
  js.member("version", "2.1.0");
  js.key("runs");
  js.begin_array();
  js.begin_object();
  js.member(
      "tool",
      {{"driver",
        {{"name", "plainsight"},
         {"version", PLAINSIGHT_VERSION},
         {"semanticVersion", PLAINSIGHT_VERSION},
         // An absolute URL where the caller gives one (--docs-url); otherwise
         // the docs' path in the repository, relative.
         {"informationUri", o.docs_url.empty() ? "docs/reports.md" : o.docs_url + "/reports.md"},
         {"rules", rules}}}});
  // The verdict, as every format opens with it: SARIF viewers show run properties beside the
  // alerts, and GitHub keeps them with the analysis.
  if (a.verdict) js.member("properties", {{"verdict", verdict_json(a)}});
  const json artifact = artifact_location(a.scenario.file, o.srcroot);
  // How the run was made: the command line and every --set override, so that a reader of
  // the alerts can make it again.
  // File names and values as every other format shows them: a control or invisible
  // character as <U+XXXX>, a byte that is not UTF-8 as <0xNN> (SARIF is UTF-8 JSON, and a
  // viewer must not act on an ESC or a bidi override in a file name).
  if (!o.arguments.empty()) {
    std::vector<std::string> shown;
    for (const std::string& arg : o.arguments) shown.push_back(printable(arg));
    std::string line = "plainsight";
    for (const std::string& arg : shown) line += ' ' + shell_word(arg);
    js.member("invocations", json::array({{{"executionSuccessful", true},
                                           {"commandLine", line},
                                           {"arguments", shown},
                                           {"properties", {{"overrides", a.overrides}}}}}));
  }
  auto location = [&](const Stage* st, const std::string& stage) {
    return json{{"physicalLocation",
                 {{"artifactLocation", artifact},
                  {"region",
                   {{"startLine", st && st->where.line > 0 ? st->where.line : 1},
                    {"startColumn", st && st->where.column > 0 ? st->where.column : 1}}}}},
                {"logicalLocations", json::array({{{"name", stage},
                                                   {"fullyQualifiedName", "stages." + stage},
                                                   {"kind", "resource"}}})}};
  };
  const std::string headline = verdict_text(a).headline;
  // What the team decided (the scenario's risk_tracking): in the properties and the message;
  // an acceptance that holds, or a false positive, as a suppression viewers honour.
  auto track = [&](json& result) {
    const Tracking t =
        tracking_of(a, result["partialFingerprints"]["plainsightFinding/v1"].get<std::string>());
    if (!t.entry) return;
    const RiskEntry& e = *t.entry;
    result["properties"]["risk_tracking"] = {{"status", std::string(to_string(e.status))},
                                             {"justification", e.justification},
                                             {"owner", e.owner},
                                             {"ticket", e.ticket},
                                             {"expires", e.expires},
                                             {"expired", t.expired}};
    std::string& text = result["message"]["text"].get_ref<std::string&>();
    text += " Tracked: " + tracking_phrase(t) + ".";
    if (t.suppressed())
      result["suppressions"] = json::array(
          {{{"kind", "inSource"}, {"status", "accepted"}, {"justification", tracking_phrase(t)}}});
  };
  bool top = true;
  auto write = [&](const Finding& f) {
    const Window& w = a.windows[f.window];
    const Stage* st = &a.scenario.stages[f.window];
    const ClassWords& cw = capability_classes()[f.cls];
    const std::string rule_id = fmt::format("plaintext/{}", cw.id);
    std::string what;
    if (!f.plaintext.empty()) {
      std::string why;
      for (std::size_t k : f.plaintext)
        why +=
            (why.empty() ? "" : "; ") + cell_reason(c, a.scenario.places[w.place], w, w.cells[k]);
      what = fmt::format("{} read{} the weights in plaintext: {}", names(c, w, f.plaintext),
                         f.plaintext.size() == 1 ? "s" : "", why);
    }
    if (!f.released.empty())
      what += fmt::format(
          "{}{} read{} a full copy through a released key: the bytes are "
          "ciphertext here, but a forged attestation has their key released",
          what.empty() ? "" : ". ", names(c, w, f.released), f.released.size() == 1 ? "s" : "");
    // The top alert carries the verdict, so that the first thing a code-scanning view shows
    // is what decides it.
    const std::string lead =
        top && f.deciding && !headline.empty() ? "Verdict: " + headline + ". " : "";
    top = top && !f.deciding;
    json caps = json::array();
    for (const auto* ks : {&f.plaintext, &f.released})
      for (std::size_t k : *ks) caps.push_back(w.cells[k].capability);
    json result(
        {{"ruleId", rule_id},
         {"level", f.worst.level()},
         {"message",
          {{"text",
            fmt::format("{}{}: {}. {} ({}). {}", lead, located(name_phrase(w), w.location), what,
                        exposure_phrase(a, w), window_phrase(w), verdict_sentence(a, f))}}},
         {"locations", json::array({location(st, w.stage)})},
         {"partialFingerprints", {{"plainsightFinding/v1", finding_id(rule_id, w.stage)}}},
         {"properties",
          {{"stage", w.stage},
           {"replicas", w.replicas},
           {"place", a.scenario.places[w.place].id},
           {"operator", a.scenario.places[w.place].operator_role},
           {"operator_name", operator_words(a.scenario.places[w.place])},
           {"class", std::string(cw.id)},
           {"capabilities", std::move(caps)},
           {"released_key", !f.released.empty()},
           {"decides_verdict", f.deciding},
           {"plaintext_total_s", w.plaintext_total_s},
           {"plaintext_coverage_s", w.plaintext_coverage_s},
           {"provenance", std::string(to_string(w.per_event.provenance))},
           {"security-severity", score_text(f.worst.score)}}}});
    track(result);
    js.value(result);
  };
  // One result per stage and capability class: first the window the verdict's path reads,
  // then the other deciding ones, then the rest (passes over the windows: at cluster scale
  // results are written one at a time, never collected).
  const AttackPath& path = a.threat.ceiling.path;
  const std::size_t first = a.threat.computed && path.found && path.via.window < a.windows.size()
                                ? path.via.window
                                : a.windows.size();
  js.key("results");
  js.begin_array();
  if (first < a.windows.size()) {
    std::vector<Finding> fs = findings_at(a, first);
    // The verdict's own capability first.
    const Capability* cap = c.capability(path.capability);
    std::stable_partition(fs.begin(), fs.end(),
                          [&](const Finding& f) { return f.cls == class_index(cap); });
    for (const Finding& f : fs)
      if (f.deciding) write(f);
  }
  for (int pass = 0; pass < 2; ++pass)
    for (std::size_t i = 0; i < a.windows.size(); ++i) {
      if (pass == 0 && !(a.threat.computed && a.threat.decides(i))) continue;
      for (const Finding& f : findings_at(a, i))
        if (f.deciding == (pass == 0) && !(i == first && f.deciding)) write(f);
    }
  // Metadata: an observer's cell, or what the scenario says leaks here.
  for (std::size_t i = 0; i < a.windows.size(); ++i) {
    const Window& w = a.windows[i];
    const Stage* st = &a.scenario.stages[i];
    const auto said = st->attributes.find("metadata");
    bool observed = false;
    for (const Cell& cell : w.cells) observed |= cell.access == Access::metadata;
    if (!observed && said == st->attributes.end()) continue;
    json result(
        {{"ruleId", kMetadataRule},
         {"level", "note"},
         {"message",
          {{"text",
            fmt::format("{}: metadata visible to whoever runs or watches it: {}",
                        located(name_phrase(w), w.location),
                        said != st->attributes.end() ? said->second
                                                     : "sizes, endpoints, timing and names")}}},
         {"locations", json::array({location(st, w.stage)})},
         {"partialFingerprints", {{"plainsightFinding/v1", finding_id(kMetadataRule, w.stage)}}},
         {"properties", {{"stage", w.stage}, {"security-severity", "3.0"}}}});
    track(result);
    js.value(result);
  }
  js.end();
  js.member("columnKind", "unicodeCodePoints");
  js.end();
  js.end();
  js.end();
  out.put('\n');
}

}  // namespace plainsight
