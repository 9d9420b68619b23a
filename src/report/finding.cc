#include "report/finding.h"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

namespace plainsight {
namespace {

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

}  // namespace

Severity severity(const Analysis& a, std::size_t window, std::size_t capability) {
  if (!a.threat.computed) return {1, 5.0};
  const FullCopyRoute* r = a.threat.route(window, capability);
  if (!r) return {0, 2.0};
  const double by_level = 11.0 - r->level;
  if (r->deciding) return {2, std::max(7.0, by_level)};
  return {1, std::clamp(by_level, 4.0, 6.9)};
}

std::size_t class_index(const Capability* cap) {
  for (std::size_t i = 0; i < std::size(kClasses); ++i)
    if (cap && kClasses[i].id == cap->capability_class) return i;
  return 0;
}

std::span<const ClassWords> capability_classes() { return kClasses; }

std::string Finding::rule() const { return fmt::format("plaintext/{}", kClasses[cls].id); }

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

bool metadata_visible(const Analysis& a, std::size_t i) {
  for (const Cell& cell : a.windows[i].cells)
    if (cell.access == Access::metadata) return true;
  return a.scenario.stages[i].attributes.count("metadata") > 0;
}

std::string finding_id(const std::string& rule, const std::string& stage) {
  const std::string text = rule + "|" + stage;
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return fmt::format("{:016x}", h);
}

std::vector<FindingRef> all_findings(const Analysis& a) {
  std::vector<FindingRef> out;
  for (std::size_t i = 0; i < a.windows.size(); ++i) {
    for (const Finding& f : findings_at(a, i))
      out.push_back({finding_id(f.rule(), a.windows[i].stage), f.rule(), i, f.worst.level()});
    if (metadata_visible(a, i))
      out.push_back({finding_id(kMetadataRule, a.windows[i].stage), kMetadataRule, i, "note"});
  }
  return out;
}

bool Tracking::suppressed() const {
  if (!entry || expired) return false;
  return entry->status == RiskStatus::accepted || entry->status == RiskStatus::false_positive;
}

Tracking tracking_of(const Analysis& a, const std::string& id) {
  Tracking t;
  for (const RiskEntry& e : a.scenario.risk_tracking)
    if (e.finding == id) t.entry = &e;
  // ISO dates compare as text.
  t.expired =
      t.entry && !t.entry->expires.empty() && !a.as_of.empty() && t.entry->expires < a.as_of;
  return t;
}

std::string tracking_phrase(const Tracking& t) {
  if (!t.entry) return "";
  const RiskEntry& e = *t.entry;
  std::string s(to_string(e.status));
  std::replace(s.begin(), s.end(), '_', ' ');
  if (!e.expires.empty()) s += (t.expired ? " until " : " until ") + e.expires;
  if (t.expired) s += ", expired: a finding again";
  std::string who;
  if (!e.owner.empty()) who = "owner " + e.owner;
  if (!e.ticket.empty()) who += (who.empty() ? "" : ", ") + e.ticket;
  if (!who.empty()) s += " (" + who + ")";
  return s + ": " + e.justification;
}

}  // namespace plainsight
