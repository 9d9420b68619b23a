#include "cli/measurement_options.h"

#include <iostream>
#include <set>

#include "load/measurement_file.h"
#include "report/warning_phrase.h"

namespace plainsight::cli {

void MeasurementOptions::add_to(CLI::App& cmd, const std::string& backs) {
  cmd.add_option("--measurements", files,
                 "Probe result file (plainsight-probe/1) backing " + backs + "; repeatable");
  cmd.add_flag("--allow-mismatch", rules.allow_mismatch,
               "Use results measured on another platform (GPU model, CC state, multi-GPU mode, "
               "fabric, storage; marked so) instead of skipping them");
  cmd.add_flag("--allow-emulation", rules.allow_emulation,
               "Let a host emulation (host.bounce_buffer) stand in for a missing GPU "
               "measurement on a CC-on platform (provenance 'emulated', below 'datasheet')");
}

std::optional<MeasuredDurations> MeasurementOptions::load(const Catalog& catalog) const {
  std::vector<MeasurementFile> read;
  for (const std::string& f : files) read.push_back(load_measurement_file(f));
  std::optional<MeasuredDurations> out;
  if (!read.empty()) out.emplace(catalog, std::move(read), rules);
  return out;
}

void MeasurementOptions::warn(const std::vector<const Analysis*>& analyses) {
  std::set<std::string> seen;
  for (const Analysis* a : analyses)
    for (const AnalysisWarning& w : a->measurement_warnings)
      if (const std::string line = warning_phrase(w); seen.insert(line).second)
        std::cerr << "plainsight: warning: " << line << "\n";
}

}  // namespace plainsight::cli
