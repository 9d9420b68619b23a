// The verdict in words: one headline a security lead reads first ("Resists OC3 (cybercrime
// syndicates and insider threats); does not resist OC4 (...): Bus interposer on ..., a full
// copy 30 d after a foothold") and the items under it: the target with pass or fail, the
// probability of a full copy within the horizon, the cheapest fix. Every format opens with
// these, so they are written once here.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyze/analysis.h"

namespace plainsight {

struct VerdictItem {
  std::string label;  // "Target", "Chance of a full copy", "Cheapest fix"
  std::string text;
};

struct VerdictText {
  std::string headline;
  std::vector<VerdictItem> items;
  // "pass", "fail" or "" (no target stated).
  std::string outcome;
};

// Empty headline when the analysis has no verdict (--no-threats).
VerdictText verdict_text(const Analysis& analysis);
// "OC3 (cybercrime syndicates and insider threats)": the level and its actor class words.
std::string level_words(const Analysis& analysis, int level);
// "Bus interposer on Tensor-parallel traffic (NVLink between the 8 GPUs)": what decides a
// path, through a released key where it goes through one.
std::string deciding_phrase(const Analysis& analysis, const AttackPath& path);

// The verdict as JSON: the report's `verdict` object and SARIF's run.properties.verdict
// (docs/report.schema.json). Null when the analysis has none.
nlohmann::ordered_json verdict_json(const Analysis& analysis);

}  // namespace plainsight
