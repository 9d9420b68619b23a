// What a team decided about one finding (a scenario's `risk_tracking:`), keyed by the finding's
// stable id: the fingerprint SARIF carries as partialFingerprints["plainsightFinding/v1"].
// Threagile's risk_tracking, pytm's overrides and the Microsoft Threat Modeling Tool's states
// are what users of those tools keep; reports show each entry beside its finding.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/input_error.h"

namespace plainsight {

enum class RiskStatus { accepted, mitigated, false_positive, in_progress };

inline constexpr std::string_view kRiskStatuses[] = {"accepted", "mitigated", "false_positive",
                                                     "in_progress"};

inline std::string_view to_string(RiskStatus s) { return kRiskStatuses[static_cast<int>(s)]; }

struct RiskEntry {
  std::string finding;  // 16 lowercase hex digits
  RiskStatus status = RiskStatus::in_progress;
  std::string justification;
  std::string owner;
  std::string ticket;
  std::string expires;  // YYYY-MM-DD; "" when it does not expire
  SourceLocation where;
};

}  // namespace plainsight
