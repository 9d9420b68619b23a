#include "cli/measurement_options.h"

#include "load/measurement_file.h"

namespace plainsight::cli {

void MeasurementOptions::add_to(CLI::App& cmd, const std::string& backs) {
  cmd.add_option("--measurements", files,
                 "Probe result file (plainsight-probe/1) backing " + backs + "; repeatable");
  cmd.add_flag("--allow-mismatch", allow_mismatch,
               "Use results measured on another GPU generation or CC state (marked so) "
               "instead of skipping them");
}

std::optional<MeasuredDurations> MeasurementOptions::load(const Catalog& catalog) const {
  std::vector<MeasurementFile> read;
  for (const std::string& f : files) read.push_back(load_measurement_file(f));
  std::optional<MeasuredDurations> out;
  if (!read.empty()) out.emplace(catalog, std::move(read), allow_mismatch);
  return out;
}

}  // namespace plainsight::cli
