// The findings every format tracks: one per stage and capability class (software, physical,
// remote) whose capabilities read the weights there, in plaintext or as a full copy through a
// released key, and one per stage whose metadata is visible. Each has a stable id (the SARIF
// fingerprint, a hash of its rule and stage) that a scenario's `risk_tracking:` keys what the
// team decided on; docs/reports.md (SARIF, "One severity rule") gives the severity rule.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "analyze/analysis.h"

namespace plainsight {

inline constexpr const char* kMetadataRule = "metadata/visible";

// How severe a finding is: from the lowest actor level that reads a full copy there before the
// window closes (11 - level) and whether the route decides the verdict.
struct Severity {
  int rank = 0;        // 0 note, 1 warning, 2 error: the worst of a group's routes wins
  double score = 2.0;  // GitHub's security-severity, 0.0 .. 10.0
  bool operator<(const Severity& o) const {
    return std::tie(rank, score) < std::tie(o.rank, o.score);
  }
  const char* level() const { return rank == 2 ? "error" : rank == 1 ? "warning" : "note"; }
};
Severity severity(const Analysis& analysis, std::size_t window, std::size_t capability);

// A capability class's words: its rule name, short description and what to change.
struct ClassWords {
  std::string_view id;
  const char* name;  // "PlaintextReadableBySoftware"
  const char* short_text;
  const char* help;  // what it is and what to change
};
std::span<const ClassWords> capability_classes();
// The class of a capability (catalog `class:`), as an index into capability_classes().
std::size_t class_index(const Capability* capability);

// The capabilities of one class that read the weights at one stage.
struct Finding {
  std::size_t window = 0;
  std::size_t cls = 0;
  std::vector<std::size_t> plaintext;  // capability indices reading plaintext here
  std::vector<std::size_t> released;   // reading a full copy through a released key
  Severity worst;
  bool deciding = false;
  std::string rule() const;  // "plaintext/software"
};
// The findings at one window, one per class, in class order.
std::vector<Finding> findings_at(const Analysis& analysis, std::size_t window);
// Whether a window's metadata is visible (an observer's cell, or the stage's `metadata:`).
bool metadata_visible(const Analysis& analysis, std::size_t window);

// FNV-1a over "rule|stage", 64 bits in hex: what the finding is about, not where it stands,
// so an alert and its tracking survive edits elsewhere in the file.
std::string finding_id(const std::string& rule, const std::string& stage);

// Every finding of the analysis, in pipeline order (class order within a stage, metadata last).
struct FindingRef {
  std::string id;
  std::string rule;
  std::size_t window = 0;
  const char* level = "note";
};
std::vector<FindingRef> all_findings(const Analysis& analysis);

// What the scenario's risk_tracking says about a finding, as of the analysis's date.
struct Tracking {
  const RiskEntry* entry = nullptr;  // null: not tracked
  bool expired = false;              // an entry whose `expires` is before the analysis's date
  // Accepted (and not expired) or a false positive: SARIF suppresses it.
  bool suppressed() const;
};
Tracking tracking_of(const Analysis& analysis, const std::string& finding);
// "accepted until 2026-12-31 (owner Alice, SEC-12): the link is in a locked cage";
// "accepted until 2026-01-31, expired: a finding again (...)".
std::string tracking_phrase(const Tracking& tracking);

}  // namespace plainsight
