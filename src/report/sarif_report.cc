// SARIF 2.1.0 for code scanning (GitHub's rules included): one result per (stage, capability)
// where the capability reads the weights in plaintext, and one per stage whose metadata is
// visible; each located at the stage's line in the scenario, relative to %SRCROOT%, with a
// level and a security-severity derived from what the threat analysis found there, and a
// fingerprint that survives edits elsewhere in the file. docs/reports.md#sarif says more.
#include <cstdint>
#include <filesystem>
#include <set>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "analyze/durations.h"
#include "build_info.h"
#include "core/quantity.h"
#include "report/cell_reason.h"
#include "report/json_stream.h"
#include "report/phrases.h"
#include "report/place_phrase.h"
#include "report/render.h"

namespace plainsight {
namespace {

using json = nlohmann::ordered_json;

constexpr const char* kMetadataRule = "metadata/visible";

// "host_root" -> "HostRoot": rule names are Pascal-case identifiers.
std::string pascal(const std::string& id) {
  std::string out;
  bool up = true;
  for (char c : id) {
    if (c == '_' || c == '-' || c == '.') {
      up = true;
      continue;
    }
    out += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    up = false;
  }
  return out;
}

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

// The scenario file as a URI relative to %SRCROOT% (the directory plainsight runs in: a
// repository's root in CI); a file outside it gets an absolute file: URI and no base.
json artifact_location(const std::string& file) {
  namespace fs = std::filesystem;
  fs::path p(file);
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  if (p.is_absolute() && !ec) p = p.lexically_relative(cwd);
  p = p.lexically_normal();
  if (!p.empty() && !p.is_absolute() && *p.begin() != "..")
    return {{"uri", uri_path(p.generic_string())}, {"uriBaseId", "%SRCROOT%"}};
  const fs::path abs = fs::absolute(file, ec).lexically_normal();
  return {{"uri", "file://" + uri_path(abs.generic_string())}};
}

// FNV-1a, 64 bits, in hex: a fingerprint of what the finding is about, not where it stands.
std::string fingerprint(const std::string& text) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return fmt::format("{:016x}", h);
}

// How severe a finding is, from the threat analysis: a window that breaks the exposure
// ceiling ranks by the lowest actor level that breaks it; one that some actor reads in full
// is medium; one that no actor reads in full before it closes is low.
struct Severity {
  const char* level;
  double score;  // GitHub's security-severity, 0.0 .. 10.0
  std::string verdict;
};

Severity severity(const Analysis& a, std::size_t window, const std::string& capability) {
  const ExposureCeiling& c = a.threat.ceiling;
  if (a.threat.computed) {
    for (const CeilingWindow& cw : c.windows)
      if (cw.window == window && cw.capability == capability && cw.readable)
        return {"error", std::max(7.0, 10.0 - c.breached_level),
                fmt::format("It breaks the exposure ceiling: OC{} reads a full copy here and "
                            "completes a path within its dwell.",
                            c.breached_level)};
    for (const ActorThreat& t : a.threat.actors)
      for (const Reach& r : t.reach)
        if (r.window == window && r.capability == capability && r.readable && !r.key_step)
          return {
              "warning", 5.0,
              fmt::format("OC{} and above read a full copy here before it closes.", t.actor.level)};
    return {"note", 2.0, "No actor in the catalog reads a full copy here before it closes."};
  }
  return {"warning", 5.0, "The threat analysis was not run (--no-threats)."};
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

}  // namespace

void render_sarif(std::ostream& out, const Analysis& a, const ReportOptions& o) {
  const Catalog& c = *a.catalog;
  // Each rule's security-severity is the highest of its results in this run: GitHub reads
  // it from the rule, so that is what a reader of the alert list sees.
  std::vector<double> highest(c.capabilities.size(), 0);
  bool metadata = false;
  for (std::size_t i = 0; i < a.windows.size(); ++i)
    for (std::size_t k = 0; k < a.windows[i].cells.size(); ++k) {
      const Cell& cell = a.windows[i].cells[k];
      if (cell.access == Access::plaintext)
        highest[k] = std::max(highest[k], severity(a, i, cell.capability).score);
      metadata |= cell.access == Access::metadata;
    }
  for (const Stage& st : a.scenario.stages) metadata |= st.attributes.count("metadata") > 0;
  json rules = json::array();
  for (std::size_t k = 0; k < c.capabilities.size(); ++k) {
    const Capability& cap = c.capabilities[k];
    const std::string help = fmt::format(
        "A stage of the pipeline holds the weights where {} reads them in plaintext. The "
        "result says for how long within the horizon, why (the protection that leaves the "
        "bytes readable there), and whether an actor can read a full copy before the window "
        "closes. The report's minimal defence names the cheapest catalog controls that close "
        "it; docs/reports.md (SARIF) explains the levels and docs/threat.md the analysis.",
        cap.name);
    rules.push_back(rule("plaintext/" + cap.id, "PlaintextReadableBy" + pascal(cap.id),
                         "Weights readable in plaintext by: " + cap.name, cap.description, help,
                         "sarif-plaintext", o,
                         {{"capability", cap.id},
                          {"source", cap.source.id},
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
  const json artifact = artifact_location(a.scenario.file);
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
  // One result per plaintext cell: at cluster scale that is most of the matrix, so results
  // are written one at a time into the document rather than collected first.
  js.key("results");
  js.begin_array();
  for (std::size_t i = 0; i < a.windows.size(); ++i) {
    const Window& w = a.windows[i];
    const Stage* st = &a.scenario.stages[i];
    for (const Cell& cell : w.cells) {
      if (cell.access != Access::plaintext) continue;
      const Capability* cap = c.capability(cell.capability);
      const Severity s = severity(a, i, cell.capability);
      const std::string rule_id = "plaintext/" + cell.capability;
      js.value({{"ruleId", rule_id},
                {"level", s.level},
                {"message",
                 {{"text", fmt::format("{}: {} reads the weights in plaintext: {}. {} ({}). {}",
                                       located(name_phrase(w), w.location),
                                       cap ? cap->name : cell.capability,
                                       cell_reason(c, a.scenario.places[w.place], w, cell),
                                       exposure_phrase(a, w), window_phrase(w), s.verdict)}}},
                {"locations", json::array({location(st, w.stage)})},
                {"partialFingerprints",
                 {{"plainsightFinding/v1", fingerprint(rule_id + "|" + w.stage)}}},
                {"properties",
                 {{"stage", w.stage},
                  {"replicas", w.replicas},
                  {"place", a.scenario.places[w.place].id},
                  {"operator", a.scenario.places[w.place].operator_role},
                  {"operator_name", operator_words(a.scenario.places[w.place])},
                  {"capability", cell.capability},
                  {"decided_by", cell.decided_by},
                  {"plaintext_total_s", w.plaintext_total_s},
                  {"plaintext_coverage_s", w.plaintext_coverage_s},
                  {"provenance", std::string(to_string(w.per_event.provenance))},
                  {"security-severity", score_text(s.score)}}}});
    }
    // Metadata: an observer's cell, or what the scenario says leaks here.
    const auto said = st->attributes.find("metadata");
    bool observed = false;
    for (const Cell& cell : w.cells) observed |= cell.access == Access::metadata;
    if (!observed && said == st->attributes.end()) continue;
    js.value({{"ruleId", kMetadataRule},
              {"level", "note"},
              {"message",
               {{"text", fmt::format("{}: metadata visible to whoever runs or watches it: {}",
                                     located(name_phrase(w), w.location),
                                     said != st->attributes.end()
                                         ? said->second
                                         : "sizes, endpoints, timing and names")}}},
              {"locations", json::array({location(st, w.stage)})},
              {"partialFingerprints",
               {{"plainsightFinding/v1", fingerprint(std::string(kMetadataRule) + "|" + w.stage)}}},
              {"properties", {{"stage", w.stage}, {"security-severity", "3.0"}}}});
  }
  js.end();
  js.member("columnKind", "unicodeCodePoints");
  js.end();
  js.end();
  js.end();
  out.put('\n');
}

}  // namespace plainsight
