#include "load/risk_tracking_reader.h"

#include <algorithm>

#include <fmt/format.h>

#include "load/map_reader.h"
#include "load/scenario_keys.h"

namespace plainsight {
namespace {

bool is_finding_id(const std::string& id) {
  return id.size() == 16 && std::all_of(id.begin(), id.end(), [](char ch) {
           return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f');
         });
}

}  // namespace

bool is_iso_date(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  const int y = std::stoi(d.substr(0, 4)), m = std::stoi(d.substr(5, 2)),
            day = std::stoi(d.substr(8, 2));
  if (y < 1970 || m < 1 || m > 12 || day < 1) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const int days[] = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return day <= days[m - 1];
}

std::vector<RiskEntry> read_risk_tracking(const YamlFile& f, const YamlNode& node) {
  std::vector<RiskEntry> out;
  MapReader top(f, node, "risk_tracking");
  for (const std::string& id : top.keys()) {
    if (!is_finding_id(id))
      throw InputError(top.at_key(id),
                       fmt::format("risk_tracking: '{}' is not a finding id: expected the 16 "
                                   "lowercase hex digits of a finding's fingerprint (SARIF "
                                   "partialFingerprints plainsightFinding/v1)",
                                   id));
    MapReader r(f, top.node(id), "risk_tracking '" + id + "'");
    r.allow(scenario_mapping("risk"));
    RiskEntry e;
    e.finding = id;
    e.where = top.at_key(id);
    const std::string status = r.str("status");
    const auto it = std::find(std::begin(kRiskStatuses), std::end(kRiskStatuses), status);
    if (it == std::end(kRiskStatuses))
      throw InputError(r.at_value("status"),
                       fmt::format("risk_tracking '{}': status '{}': expected accepted, mitigated, "
                                   "false_positive or in_progress",
                                   id, status));
    e.status = static_cast<RiskStatus>(it - std::begin(kRiskStatuses));
    e.justification = r.str("justification");
    if (e.justification.empty())
      throw InputError(r.at_value("justification"),
                       fmt::format("risk_tracking '{}': the justification is empty", id));
    e.owner = r.name_or("owner", "");
    e.ticket = r.name_or("ticket", "");
    e.expires = r.str_or("expires", "");
    if (r.has("expires") && !is_iso_date(e.expires))
      throw InputError(r.at_value("expires"),
                       fmt::format("risk_tracking '{}': expires '{}': expected a date YYYY-MM-DD",
                                   id, e.expires));
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace plainsight
