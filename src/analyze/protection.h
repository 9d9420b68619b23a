// Chooses the protection rule that decides a medium under given attributes.
#pragma once

#include "analyze/attributes.h"
#include "core/catalog.h"

namespace plainsight {

// The most specific matching rule; throws InputError when two equally specific rules match
// (an ambiguous catalog) and when none does (a medium without a default rule).
const ProtectionRule& select_protection(const Catalog& catalog, const std::string& medium,
                                        const Attributes& attributes);

bool rule_matches(const ProtectionRule& rule, const Attributes& attributes);

}  // namespace plainsight
