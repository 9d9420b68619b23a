#include "analyze/protection.h"

#include <algorithm>

#include <fmt/format.h>

namespace plainsight {

bool rule_matches(const ProtectionRule& rule, const Attributes& attrs) {
  for (const auto& [key, accepted] : rule.when) {
    auto it = attrs.find(key);
    if (it == attrs.end()) return false;
    if (std::find(accepted.begin(), accepted.end(), it->second) == accepted.end()) return false;
  }
  return true;
}

const ProtectionRule& select_protection(const Catalog& c, const std::string& medium,
                                        const Attributes& attrs) {
  const ProtectionRule* best = nullptr;
  for (const ProtectionRule& r : c.protections) {
    if (r.medium != medium || !rule_matches(r, attrs)) continue;
    if (best && r.specificity() == best->specificity())
      throw InputError(r.where, fmt::format("protection rules '{}' and '{}' both match medium '{}' "
                                            "with {} conditions; make one more specific",
                                            best->id, r.id, medium, r.specificity()));
    if (!best || r.specificity() > best->specificity()) best = &r;
  }
  if (!best)
    throw InputError({"model/protections.yaml"},
                     fmt::format("no protection rule matches medium '{}'", medium));
  return *best;
}

}  // namespace plainsight
