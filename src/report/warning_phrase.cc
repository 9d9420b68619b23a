#include "report/warning_phrase.h"

#include <fmt/format.h>

#include "core/quantity.h"
#include "report/measurement_phrase.h"

namespace plainsight {

std::string warning_phrase(const AnalysisWarning& w) {
  using K = AnalysisWarning::Kind;
  switch (w.kind) {
    case K::not_used:
      return fmt::format("stage '{}': {}{}", w.stage, considered_phrase(w.entry),
                         w.kept ? fmt::format("; the {} figure stays", to_string(*w.kept)) : "");
    case K::forced:
      return fmt::format("stage '{}': {} in {}: {}", w.stage, w.probe, w.file,
                         forced_phrase(w.mismatch));
    case K::emulation_used:
      return fmt::format(
          "stage '{}': {} in {} is an emulation on the host CPU, standing in for the missing "
          "device measurement by --allow-emulation (provenance emulated)",
          w.stage, w.probe, w.file);
    case K::disagreement:
      return fmt::format("stage '{}': {} and {} disagree: {}", w.stage, w.file, w.entry.file,
                         considered_phrase(w.entry));
    case K::file_applies_nowhere:
      return fmt::format(
          "{}: no result in it applies to a stage of this scenario (model/probe_map.yaml says "
          "which probe measures which stage)",
          w.file);
    case K::file_holds_nothing:
      return fmt::format(
          "{}: it holds no measurement (every probe of its run was skipped or failed: "
          "plainsight measurements show says why); nothing from it is used",
          w.file);
    case K::file_unused:
      return fmt::format(
          "{}: none of its results was used: each was refused or outranked (the warnings above "
          "say why)",
          w.file);
    case K::workload_unpriced:
      return fmt::format("workload: stage '{}' has no bandwidth to price {} with; counted as free",
                         w.stage, format_bytes(w.bytes));
    case K::workload_cc_unpriced:
      return fmt::format(
          "workload: no measured or published cost of confidential mode on {} ('{}'); counted "
          "as unchanged",
          w.medium, w.stage);
    case K::cc_pair_refused:
      return fmt::format("stage '{}': the measured CC pair is refused: {}", w.stage,
                         w.pair ? cc_pair_refusal_phrase(*w.pair) : "");
    case K::workload_pair_refused:
      return fmt::format("workload: stage '{}': measured pair not used: {}", w.stage,
                         w.pair ? cc_pair_refusal_phrase(*w.pair) : "");
    case K::announced_gpu:
      return fmt::format(
          "{} is announced, not shipping: its protections are the vendor's stated design, not "
          "yet measured",
          w.gpu ? w.gpu->name : "");
  }
  return "";
}

std::vector<std::string> warning_phrases(const std::vector<AnalysisWarning>& warnings) {
  std::vector<std::string> out;
  for (const AnalysisWarning& w : warnings) out.push_back(warning_phrase(w));
  return out;
}

}  // namespace plainsight
