// A probe result file, format "plainsight-probe/1" (docs/probe-format.schema.json), read
// strictly: the analyzer parses the JSON itself and depends on nothing in hwprobe/.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/machine_identity.h"

namespace plainsight {

inline constexpr const char* kProbeFormat = "plainsight-probe/1";

// One result row: one point of a size sweep.
struct ProbeResult {
  std::size_t index = 0;  // position in results[], for messages
  std::string probe;
  nlohmann::json params;  // an object; params["bytes"] is an unsigned integer
  double bytes = 0;
  std::vector<double> samples_s;
  double median_s = 0, min_s = 0, max_s = 0, cv = 0;
  int rank = -1;  // multi-rank files only

  // A param as text: strings as written, other JSON as dumped; "" when absent.
  std::string param(const std::string& key) const;
};

struct MeasurementFile {
  // As given on the command line and its file name (the figure source), each as shown:
  // invisible characters written <U+XXXX> (core/printable.h), since both reach terminals
  // and reports.
  std::string path;
  std::string name;
  std::string started_at;
  MachineIdentity machine;
  std::vector<MachineIdentity> machines;  // one per rank (multi-rank files)
  int ranks = 1;
  std::vector<ProbeResult> results;
  std::vector<std::pair<std::string, std::string>> skipped;  // probe, reason
  std::vector<std::pair<std::string, std::string>> failed;   // probe, error

  // The identity of the machine that produced a result (its rank's, in multi-rank files).
  const MachineIdentity& machine_of(const ProbeResult& r) const;
};

// Throws InputError naming the file and the JSON location ("results[3].samples_s[2]:
// negative time") for a truncated or malformed file, a wrong format version, missing or
// mistyped fields, NaN or negative times, and a file that records nothing (no result, no
// probe skipped or failed). A file of skipped and failed probes only is read: it measures
// nothing, and the analysis says so.
MeasurementFile load_measurement_file(const std::filesystem::path& path);
MeasurementFile parse_measurement_file(const std::string& text, const std::string& path);

}  // namespace plainsight
