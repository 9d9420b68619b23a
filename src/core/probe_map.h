// Which probe measures which stage, as data (model/probe_map.yaml): a medium under platform
// conditions maps to probe keys with the parameters that select the right series, and a
// medium under confidential mode is priced by model/cc_costs.yaml when nothing was measured.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/input_error.h"

namespace plainsight {

// One way to measure a stage: a probe key and the params a result must carry.
struct ProbeCandidate {
  std::string probe;                          // "host.envelope"
  std::map<std::string, std::string> params;  // every one must equal the result's param
  // How a result says its confidential-computing state: the param that carries it and the
  // values meaning on and off. Empty param: the state does not apply (host-side work).
  std::string cc_param;
  std::vector<std::string> cc_on;
  std::vector<std::string> cc_off;
  bool gpu = false;        // measured on a GPU: must match the scenario's GPU generation
  bool emulation = false;  // a host stand-in for a device path, labelled as such in reports
  std::string label;       // what the measurement is, in words
  std::vector<std::string> series_by;  // params that split results into separate sweeps
  std::string prefer_max;              // of several sweeps, take the one with the largest value
};

struct ProbeRule {
  std::string id;
  std::string medium;
  std::map<std::string, std::vector<std::string>> when;  // stage attributes, as protections
  std::vector<ProbeCandidate> candidates;                // in order of preference
  std::string why;
  SourceLocation where;
};

// A GPU model name as NVML reports it ("NVIDIA H100 80GB HBM3") to a catalog GPU id.
struct GpuModel {
  std::string match;  // substring of the reported name
  std::string gpu;    // catalog gpu id
};

struct ProbeMap {
  std::vector<GpuModel> gpu_models;
  std::vector<ProbeRule> rules;
};

}  // namespace plainsight
