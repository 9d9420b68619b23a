// The probe result document, format "plainsight-probe/1" (docs/probes.md and
// docs/probe-format.schema.json): the one contract between hwprobe and the analyzer.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "hwprobe/harness/probe.h"

namespace hwprobe {

inline constexpr const char* kProbeFormat = "plainsight-probe/1";

// {"probe", "params", "samples_s", "median_s", "min_s", "max_s", "cv"}. Throws ProbeError
// when params lacks an unsigned integer "bytes" or the samples are empty or not finite.
nlohmann::json make_result(const std::string& probe, nlohmann::json params,
                           const std::vector<double>& samples_s);

// What a run produced, before it becomes a document.
struct RunOutcome {
  nlohmann::json results = nlohmann::json::array();
  nlohmann::json skipped = nlohmann::json::array();  // [{"probe", "reason"}]
  nlohmann::json failed = nlohmann::json::array();   // [{"probe", "error"}]
  bool cancelled = false;
};

// The options a run used, as they go into the document.
nlohmann::json options_json(const RunOptions& options);

// A single-rank document; started_at is ISO 8601 UTC.
nlohmann::json make_document(nlohmann::json machine, const RunOptions& options,
                             const RunOutcome& outcome, const std::string& started_at,
                             double duration_s);

// Structural check of a document (single or multi rank) against the rules the schema
// states; returns the first problem, empty when it conforms. Used by tests and by the
// CLI before it writes.
std::string check_document(const nlohmann::json& doc);

// Every string of the document (keys included) written as the analyzer reads text: a
// control or invisible character as <U+XXXX>, a byte that is not UTF-8 as <0xNN>; the free
// text of skipped[].reason and failed[].error keeps its line breaks. A host name or kernel
// string with an ESC would otherwise make the whole file unreadable.
void make_visible(nlohmann::json& doc);

// "2026-11-21T22:30:00Z".
std::string utc_now_iso8601();

}  // namespace hwprobe
