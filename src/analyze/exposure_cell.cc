#include "analyze/exposure_cell.h"

#include <algorithm>

#include <fmt/format.h>

namespace plainsight {
namespace {
bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}
}  // namespace

Cell exposure_cell(const Catalog& c, const Capability& cap, const Stage& stage,
                   const Content& arriving, const ProtectionRule& rule) {
  Cell cell{cap.id, Access::unreachable, "reach", ""};
  const Medium* m = c.medium(stage.medium);
  if (!contains(cap.reaches, stage.medium)) {
    cell.reason = fmt::format("{} does not reach {}", cap.name, m ? m->name : stage.medium);
    return cell;
  }
  if (cap.yields == Access::metadata) {
    cell.access = Access::metadata;
    cell.decided_by = "metadata";
    cell.reason = "sizes, endpoints, timing and names are visible whatever the encryption";
    return cell;
  }
  // Where the stage's own rule decides, a capability may obtain a key there.
  const bool rule_holds = !arriving.encrypted || stage.decrypts;
  if (rule_holds)
    for (const KeyExtraction& x : rule.extracts)
      if (x.capability == cap.id) cell.extracts = &x;
  if (cap.yields == Access::keys) {
    cell.decided_by = cell.extracts ? rule.id : "reach";
    cell.reason = cell.extracts ? fmt::format("gets the {} key here, not the bytes ({})",
                                              cell.extracts->key, rule.label)
                                : fmt::format(
                                      "{} gets keys, never the bytes, and no key worth having is "
                                      "here ({})",
                                      cap.name, rule.label);
    return cell;
  }
  bool rule_decides = true;
  if (arriving.encrypted) {
    const PlatformOption* custody = Catalog::find(c.key_custodies, arriving.custody);
    if (custody && contains(custody->key_readers, cap.id)) {
      cell.access = Access::plaintext;
      cell.decided_by = custody->id;
      cell.reason = fmt::format("can have the key service decrypt ({})", custody->name);
      rule_decides = false;
    } else if (!stage.decrypts) {
      cell.access = Access::ciphertext;
      cell.decided_by = arriving.custody;
      cell.reason = fmt::format("encrypted before arrival ({}, {})", arriving.scheme,
                                custody ? custody->name : arriving.custody);
      rule_decides = false;
    }
  }
  if (rule_decides) {
    cell.decided_by = rule.id;
    const std::string prefix = arriving.encrypted ? "decrypted here; " : "";
    if (contains(rule.key_readers, cap.id)) {
      cell.access = Access::plaintext;
      cell.reason = prefix + "decrypts through the key service: " + rule.label;
    } else if (contains(rule.blocks, cap.id)) {
      cell.access = Access::ciphertext;
      cell.reason = prefix + rule.label;
    } else if (contains(rule.patterns_only, cap.id)) {
      cell.access = Access::patterns;
      cell.reason = prefix + rule.label + (rule.note.empty() ? "" : ": " + rule.note);
    } else {
      for (const Reduction& x : rule.reduced)
        if (x.capability == cap.id) cell.reduced = &x;
      cell.access = Access::plaintext;
      cell.reason = prefix + rule.label;
      if (cell.reduced)
        cell.reason += fmt::format(
            "; reduced, not closed: only after it can {} (time to "
            "compromise {})",
            cell.reduced->step, cell.reduced->ttc.text);
    }
  }
  if (cell.extracts) cell.reason += fmt::format("; and the {} key", cell.extracts->key);
  if (cell.access == Access::plaintext && cap.yields == Access::patterns) {
    cell.access = Access::patterns;
    cell.reason += "; a side channel yields patterns, not the bytes";
  }
  return cell;
}

}  // namespace plainsight
