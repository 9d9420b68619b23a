#include "hwprobe/harness/result_document.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <ctime>

#include "hwprobe/harness/stats.h"
#include "units/visible_text.h"

namespace hwprobe {

nlohmann::json make_result(const std::string& probe, nlohmann::json params,
                           const std::vector<double>& samples_s) {
  if (!params.is_object() || !params.contains("bytes") || !params["bytes"].is_number_unsigned()) {
    throw ProbeError(probe + ": result params need an unsigned integer \"bytes\"");
  }
  Summary s;
  try {
    s = summarize(samples_s);
  } catch (const std::invalid_argument& e) {
    throw ProbeError(probe + ": " + e.what());
  }
  return {{"probe", probe},
          {"params", std::move(params)},
          {"samples_s", samples_s},
          {"median_s", s.median},
          {"min_s", s.min},
          {"max_s", s.max},
          {"cv", s.cv}};
}

nlohmann::json options_json(const RunOptions& o) {
  return {{"sizes", o.sizes},     {"trials", o.trials},    {"warmups", o.warmups},
          {"threads", o.threads}, {"dir", o.dir.string()}, {"max_bytes", o.max_bytes},
          {"quick", o.quick}};
}

nlohmann::json make_document(nlohmann::json machine, const RunOptions& options,
                             const RunOutcome& outcome, const std::string& started_at,
                             double duration_s) {
  return {{"format", kProbeFormat},        {"started_at", started_at},
          {"duration_s", duration_s},      {"options", options_json(options)},
          {"machine", std::move(machine)}, {"results", outcome.results},
          {"skipped", outcome.skipped},    {"failed", outcome.failed}};
}

namespace {

std::string check_result(const nlohmann::json& r, bool multi) {
  if (!r.is_object()) return "result is not an object";
  if (!r.contains("probe") || !r["probe"].is_string()) return "result without a probe key";
  const std::string key = r["probe"].get<std::string>();
  if (!r.contains("params") || !r["params"].is_object()) return key + ": no params object";
  if (!r["params"].contains("bytes") || !r["params"]["bytes"].is_number_unsigned()) {
    return key + ": params.bytes is not an unsigned integer";
  }
  if (!r.contains("samples_s") || !r["samples_s"].is_array() || r["samples_s"].empty()) {
    return key + ": samples_s is not a non-empty array";
  }
  for (const auto& s : r["samples_s"]) {
    if (!s.is_number() || s.get<double>() < 0) return key + ": a sample is not a number >= 0";
  }
  for (const char* f : {"median_s", "min_s", "max_s", "cv"}) {
    if (!r.contains(f) || !r[f].is_number()) return key + ": " + f + " missing or not a number";
  }
  if (multi && (!r.contains("rank") || !r["rank"].is_number_unsigned())) {
    return key + ": multi-rank result without rank";
  }
  return {};
}

std::string check_entries(const nlohmann::json& doc, const char* field, const char* text) {
  if (!doc.contains(field) || !doc[field].is_array())
    return std::string(field) + " is not an array";
  for (const auto& e : doc[field]) {
    if (!e.is_object() || !e.contains("probe") || !e["probe"].is_string() || !e.contains(text) ||
        !e[text].is_string()) {
      return std::string(field) + " entry needs string probe and " + text;
    }
  }
  return {};
}

}  // namespace

std::string check_document(const nlohmann::json& doc) {
  if (!doc.is_object()) return "document is not an object";
  // Compared as JSON: value("format", "") throws on a format that is not a string.
  if (!doc.contains("format") || doc["format"] != kProbeFormat) {
    return "format is not plainsight-probe/1";
  }
  if (!doc.contains("machine") || !doc["machine"].is_object()) return "machine is not an object";
  const bool multi = doc.contains("ranks");
  if (multi) {
    // As 64 bits: get<unsigned>() would read 2^32 ranks as 0.
    if (!doc["ranks"].is_number_unsigned() || doc["ranks"].get<std::uint64_t>() < 1) {
      return "ranks is not a positive integer";
    }
    if (!doc.contains("machines") || !doc["machines"].is_array() ||
        doc["machines"].size() != doc["ranks"].get<std::size_t>()) {
      return "machines must list one identity per rank";
    }
  }
  if (!doc.contains("results") || !doc["results"].is_array()) return "results is not an array";
  for (const auto& r : doc["results"]) {
    if (auto e = check_result(r, multi); !e.empty()) return e;
  }
  if (auto e = check_entries(doc, "skipped", "reason"); !e.empty()) return e;
  if (auto e = check_entries(doc, "failed", "error"); !e.empty()) return e;
  // The reader takes a run of skipped or failed probes only, never a file that records nothing.
  if (doc["results"].empty() && doc["skipped"].empty() && doc["failed"].empty())
    return "no result, and no probe skipped or failed";
  return {};
}

namespace {

std::string visible_lines(const std::string& s) {
  std::string out;
  for (std::size_t start = 0; start <= s.size();) {
    const std::size_t nl = std::min(s.find('\n', start), s.size());
    out += plainsight::units::visible_text(std::string_view(s).substr(start, nl - start));
    if (nl < s.size()) out += '\n';
    start = nl + 1;
  }
  return out;
}

void make_visible(nlohmann::json& v, bool free_text) {
  if (v.is_string()) {
    std::string& s = v.get_ref<std::string&>();
    if (!plainsight::units::is_visible_text(s))
      s = free_text ? visible_lines(s) : plainsight::units::visible_text(s);
  } else if (v.is_array()) {
    for (auto& item : v) make_visible(item, free_text);
  } else if (v.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    bool renamed = false;
    for (auto& [k, item] : v.items()) {
      make_visible(item, free_text || k == "reason" || k == "error");
      renamed |= !plainsight::units::is_visible_text(k);
    }
    if (!renamed) return;
    for (auto& [k, item] : v.items()) out[plainsight::units::visible_text(k)] = std::move(item);
    v = std::move(out);
  }
}

}  // namespace

void make_visible(nlohmann::json& doc) { make_visible(doc, false); }

std::string utc_now_iso8601() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace hwprobe
