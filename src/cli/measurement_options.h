// --measurements FILE..., --allow-mismatch and --allow-emulation: the same options, read the
// same way, for analyze, simulate and diff.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "analyze/analysis.h"
#include "analyze/measured_durations.h"
#include "core/catalog.h"

namespace plainsight::cli {

struct MeasurementOptions {
  std::vector<std::string> files;
  MeasuredOptions rules;

  // Registers the options on `cmd`; `backs` says what the results back ("the window
  // durations").
  void add_to(CLI::App& cmd, const std::string& backs);
  // Reads every file before anything runs, so a bad one stops the run with exit 2; nothing
  // when no file was given.
  std::optional<MeasuredDurations> load(const Catalog& catalog) const;
  // Writes the analyses' measurement warnings (refused, forced, disagreeing results) to
  // stderr, each once, whatever the output format: the report carries them too.
  static void warn(const std::vector<const Analysis*>& analyses);
};

}  // namespace plainsight::cli
