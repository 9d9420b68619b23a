#include "analyze/protection.h"

#include <algorithm>

#include <fmt/format.h>

namespace plainsight {

bool rule_matches(const ProtectionRule& rule, const Attributes& attrs) {
  return conditions_hold(rule.when, attrs);
}

const ProtectionRule& select_protection(const Catalog& c, const std::string& medium,
                                        const Attributes& attrs) {
  // Two equally specific matches are ambiguous only when nothing more specific matches,
  // whatever the order of the rules in the catalog.
  const ProtectionRule* best = nullptr;
  const ProtectionRule* tie = nullptr;
  for (const ProtectionRule& r : c.protections) {
    if (r.medium != medium || !rule_matches(r, attrs)) continue;
    if (!best || r.specificity() > best->specificity()) {
      best = &r;
      tie = nullptr;
    } else if (r.specificity() == best->specificity() && !tie) {
      tie = &r;
    }
  }
  if (tie)
    throw InputError(tie->where, fmt::format("protection rules '{}' and '{}' both match medium "
                                             "'{}' with {} conditions; make one more specific",
                                             best->id, tie->id, medium, tie->specificity()));
  if (!best)
    throw InputError({"model/protections.yaml"},
                     fmt::format("no protection rule matches medium '{}'", medium));
  return *best;
}

}  // namespace plainsight
