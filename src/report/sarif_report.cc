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
#include "core/quantity.h"
#include "report/cell_reason.h"
#include "report/json_stream.h"
#include "report/phrases.h"
#include "report/place_phrase.h"
#include "report/render.h"
#include "report/threat_phrases.h"
#include "report/verdict_phrase.h"

namespace plainsight {
namespace {

using json = nlohmann::ordered_json;

constexpr const char* kMetadataRule = "metadata/visible";

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

// How severe a finding is: one rule for every scenario (docs/reports.md#sarif-severity), from
// the lowest actor level that reads a full copy there before the window closes (the lower the
// level, the more actors can: 11 - level) and whether the route decides the verdict.
struct Severity {
  int rank = 0;        // 0 note, 1 warning, 2 error: the worst of a group's routes wins
  double score = 2.0;  // GitHub's security-severity, 0.0 .. 10.0
  bool operator<(const Severity& o) const {
    return std::tie(rank, score) < std::tie(o.rank, o.score);
  }
  const char* level() const { return rank == 2 ? "error" : rank == 1 ? "warning" : "note"; }
};

Severity severity(const Analysis& a, std::size_t window, std::size_t capability) {
  if (!a.threat.computed) return {1, 5.0};
  const FullCopyRoute* r = a.threat.route(window, capability);
  if (!r) return {0, 2.0};
  const double by_level = 11.0 - r->level;
  if (r->deciding) return {2, std::max(7.0, by_level)};
  return {1, std::clamp(by_level, 4.0, 6.9)};
}

// The class words a message and a rule use.
struct ClassWords {
  std::string_view id;
  const char* name;  // "PlaintextReadableBySoftware"
  const char* short_text;
  const char* help;  // what it is and what to change
};

constexpr ClassWords kClasses[] = {
    {"software", "PlaintextReadableBySoftware",
     "Weights readable by privileged software (root, an insider, firmware)",
     "Privileged software (root on a host, a provider insider, root in our workload, a "
     "file-system client, compromised firmware) reads the weights where a machine holds them "
     "in plaintext: memory, caches, GPU memory, buses it can see. What to change: run the host "
     "side in a confidential VM and turn on GPU confidential computing (controls confidential_vm "
     "and gpu_confidential_mode), make the workload an attested image nobody logs into, and keep "
     "decrypted copies off page caches and shared file systems. The result names the minimal "
     "defence the analysis found for this scenario."},
    {"physical", "PlaintextReadableByPhysicalAccess",
     "Weights readable with hands on hardware (interposer, tap, stolen media)",
     "Physical access (a bus interposer, a fabric tap, stolen media, an invasive attack on a "
     "chip) reads the weights on a wire or a medium, or takes a key that has them released. "
     "What to change: encrypt the link it taps (fabric_link_encryption for the inter-node "
     "fabric; blackwell_upgrade or rubin_rack_cc for NVLink), keep stored bytes encrypted under "
     "keys held off the machine, and do not release keys to an attestation a physical attacker "
     "can forge. The result names the minimal defence the analysis found for this scenario."},
    {"remote", "PlaintextReadableRemotely",
     "Weights readable remotely (credentials, a service, the network)",
     "Remote access (stolen cloud credentials with key-service rights, a breach of a relay or "
     "a storage service, an eavesdropper) reads the weights where a service holds them or its "
     "key service releases them. What to change: hold the keys yourself (customer_held_keys), "
     "encrypt end to end before the bytes leave, and narrow who may call the key service. The "
     "result names the minimal defence the analysis found for this scenario."},
};

std::size_t class_index(const Capability* cap) {
  for (std::size_t i = 0; i < std::size(kClasses); ++i)
    if (cap && kClasses[i].id == cap->capability_class) return i;
  return 0;
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

// One finding: the capabilities of one class that read the weights at one stage, in
// plaintext or through a released key, with the worst severity among them.
struct Finding {
  std::size_t window = 0;
  std::size_t cls = 0;
  std::vector<std::size_t> plaintext;  // capability indices reading plaintext here
  std::vector<std::size_t> released;   // reading a full copy through a released key
  Severity worst;
  bool deciding = false;
};

// The findings at one window, one per class, in class order.
std::vector<Finding> findings_at(const Analysis& a, std::size_t i) {
  const Catalog& c = *a.catalog;
  const Window& w = a.windows[i];
  std::vector<Finding> by(std::size(kClasses));
  for (std::size_t k = 0; k < w.cells.size(); ++k) {
    const Cell& cell = w.cells[k];
    const FullCopyRoute* r = a.threat.computed ? a.threat.route(i, k) : nullptr;
    const bool plain = cell.access == Access::plaintext;
    if (!plain && !(r && r->released_key)) continue;
    Finding& f = by[class_index(c.capability(cell.capability))];
    (plain ? f.plaintext : f.released).push_back(k);
    f.worst = std::max(f.worst, severity(a, i, k));
    f.deciding = f.deciding || (r && r->deciding);
  }
  std::vector<Finding> out;
  for (std::size_t k = 0; k < by.size(); ++k)
    if (!by[k].plaintext.empty() || !by[k].released.empty()) {
      by[k].window = i;
      by[k].cls = k;
      out.push_back(std::move(by[k]));
    }
  return out;
}

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
  std::vector<double> highest(std::size(kClasses), 0);
  bool metadata = false;
  for (std::size_t i = 0; i < a.windows.size(); ++i) {
    for (const Finding& f : findings_at(a, i))
      highest[f.cls] = std::max(highest[f.cls], f.worst.score);
    for (const Cell& cell : a.windows[i].cells) metadata |= cell.access == Access::metadata;
  }
  for (const Stage& st : a.scenario.stages) metadata |= st.attributes.count("metadata") > 0;
  json rules = json::array();
  for (std::size_t k = 0; k < std::size(kClasses); ++k) {
    const ClassWords& cw = kClasses[k];
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
  const std::string headline = verdict_text(a).headline;
  bool top = true;
  auto write = [&](const Finding& f) {
    const Window& w = a.windows[f.window];
    const Stage* st = &a.scenario.stages[f.window];
    const ClassWords& cw = kClasses[f.cls];
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
    js.value(
        {{"ruleId", rule_id},
         {"level", f.worst.level()},
         {"message",
          {{"text",
            fmt::format("{}{}: {}. {} ({}). {}", lead, located(name_phrase(w), w.location), what,
                        exposure_phrase(a, w), window_phrase(w), verdict_sentence(a, f))}}},
         {"locations", json::array({location(st, w.stage)})},
         {"partialFingerprints", {{"plainsightFinding/v1", fingerprint(rule_id + "|" + w.stage)}}},
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

void render_sarif(std::ostream& out, const Analysis& a) { render_sarif(out, a, ReportOptions{}); }

}  // namespace plainsight
