#include "hwprobe/harness/rank_merge.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "hwprobe/harness/result_document.h"

namespace hwprobe {
namespace {

void append_with_rank(nlohmann::json& into, const nlohmann::json& doc, const char* field,
                      std::size_t rank) {
  if (!doc.contains(field)) return;
  // A rank's document arrives as bytes: entries that are not objects cannot carry "rank",
  // and nlohmann would throw its own type_error, outside this function's contract.
  if (!doc[field].is_array())
    throw std::invalid_argument("merge_rank_documents: rank " + std::to_string(rank) + ": " +
                                field + " is not an array");
  for (nlohmann::json entry : doc[field]) {
    if (!entry.is_object())
      throw std::invalid_argument("merge_rank_documents: rank " + std::to_string(rank) + ": " +
                                  field + " holds an entry that is not an object");
    entry["rank"] = rank;
    into[field].push_back(std::move(entry));
  }
}

}  // namespace

nlohmann::json merge_rank_documents(const std::vector<nlohmann::json>& docs) {
  if (docs.empty()) throw std::invalid_argument("merge_rank_documents: no documents");
  for (std::size_t r = 0; r < docs.size(); ++r) {
    // Compared as JSON: value("format", "") throws on a format that is not a string.
    if (!docs[r].is_object() || !docs[r].contains("format") || docs[r]["format"] != kProbeFormat) {
      throw std::invalid_argument("merge_rank_documents: rank " + std::to_string(r) +
                                  " did not send a plainsight-probe/1 document");
    }
  }
  if (docs.size() == 1) return docs.front();

  nlohmann::json merged = docs.front();
  merged["ranks"] = docs.size();
  merged["machines"] = nlohmann::json::array();
  for (const char* field : {"results", "skipped", "failed"}) {
    merged[field] = nlohmann::json::array();
  }
  double longest = 0;
  for (std::size_t r = 0; r < docs.size(); ++r) {
    const auto& d = docs[r];
    merged["machines"].push_back(d.contains("machine") ? d["machine"] : nlohmann::json::object());
    for (const char* field : {"results", "skipped", "failed"}) {
      append_with_rank(merged, d, field, r);
    }
    if (d.contains("duration_s") && d["duration_s"].is_number()) {
      longest = std::max(longest, d["duration_s"].get<double>());
    }
  }
  merged["machine"] = merged["machines"][0];
  if (merged.contains("duration_s")) merged["duration_s"] = longest;
  return merged;
}

}  // namespace hwprobe
