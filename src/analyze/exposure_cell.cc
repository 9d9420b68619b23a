#include "analyze/exposure_cell.h"

#include <algorithm>

namespace plainsight {
namespace {
bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}
}  // namespace

const PlaceScope* place_scope(const Capability& cap, const Attributes& place) {
  static const PlaceScope kAnywhere;
  if (cap.places.empty()) return &kAnywhere;
  for (const PlaceScope& s : cap.places)
    if (conditions_hold(s.when, place)) return &s;
  return nullptr;
}

Cell exposure_cell(const Catalog& c, const Capability& cap, const Stage& stage,
                   const Content& arriving, const ProtectionRule& rule, const Attributes& place) {
  Cell cell;
  cell.capability = cap.id;
  cell.decided_by = "reach";
  cell.rule = &rule;
  if (!contains(cap.reaches, stage.medium)) return cell;  // out of reach
  // Not at this place: root on our hosts does not reach a provider's file server.
  const PlaceScope* scope = place_scope(cap, place);
  if (!scope) {
    cell.basis = CellBasis::other_place;
    return cell;
  }
  // Protection rules name the capability, or the one it acts as (a provider insider is root
  // on the provider's hosts: what keeps host root out keeps it out).
  auto listed = [&](const std::vector<std::string>& ids) {
    return contains(ids, cap.id) || (!cap.acts_as.empty() && contains(ids, cap.acts_as));
  };
  if (cap.yields == Access::metadata) {
    cell.access = Access::metadata;
    cell.decided_by = "metadata";
    cell.basis = CellBasis::metadata;
    return cell;
  }
  // Where the stage's own rule decides, a capability may obtain a key there.
  const bool rule_holds = !arriving.encrypted || stage.decrypts;
  if (rule_holds)
    for (const KeyExtraction& x : rule.extracts)
      if (x.capability == cap.id || x.capability == cap.acts_as) cell.extracts = &x;
  if (cap.yields == Access::keys) {
    cell.decided_by = cell.extracts ? rule.id : "reach";
    cell.basis = cell.extracts ? CellBasis::key_here : CellBasis::no_key_here;
    return cell;
  }
  bool rule_decides = true;
  if (arriving.encrypted) {
    const PlatformOption* custody = Catalog::find(c.key_custodies, arriving.custody);
    cell.custody = custody;
    if (custody && contains(custody->key_readers, cap.id)) {
      cell.access = Access::plaintext;
      cell.decided_by = custody->id;
      cell.basis = CellBasis::key_service;
      rule_decides = false;
    } else if (!stage.decrypts) {
      cell.access = Access::ciphertext;
      cell.decided_by = arriving.custody;
      cell.basis = CellBasis::arrived_encrypted;
      rule_decides = false;
    }
  }
  if (rule_decides) {
    cell.decided_by = rule.id;
    cell.decrypted_here = arriving.encrypted;
    if (listed(rule.key_readers)) {
      cell.access = Access::plaintext;
      cell.basis = CellBasis::rule_key_reader;
    } else if (listed(rule.blocks)) {
      cell.access = Access::ciphertext;
      cell.basis = CellBasis::rule_blocks;
    } else if (listed(rule.patterns_only)) {
      cell.access = Access::patterns;
      cell.basis = CellBasis::rule_patterns;
    } else {
      for (const Reduction& x : rule.reduced)
        if (x.capability == cap.id || x.capability == cap.acts_as) cell.reduced = &x;
      cell.access = Access::plaintext;
      cell.basis = CellBasis::rule_plaintext;
    }
  }
  // Where the rule does not slow it, the place may: an attested workload nobody logs into.
  if (cell.access == Access::plaintext && !cell.reduced && scope->reduced)
    cell.reduced = &*scope->reduced;
  if (cell.access == Access::plaintext && cap.yields == Access::patterns) {
    cell.access = Access::patterns;
    cell.side_channel = true;
  }
  return cell;
}

}  // namespace plainsight
