// Which probe measures which stage, as data (model/probe_map.yaml): a medium under platform
// conditions maps to probe keys with the parameters that select the right series and what
// of the platform a result must match, and the bounds within which a fit may stand for a
// payload. A medium under confidential mode is priced by model/cc_costs.yaml when nothing was
// measured.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/citation.h"
#include "core/input_error.h"
#include "core/platform_facet.h"
#include "core/probe_bound.h"

namespace plainsight {

// Where a fit may stand for a payload outside its sweep (docs/measurements.md), and how far
// apart two measured sizes may be for the sweep to stand for what lies between them.
struct FitBounds {
  double min_sizes = 3;
  double min_r2 = 0.99;
  double max_rms_error = 0.15;  // rms relative residual
  double max_extrapolation = 100;
  double max_size_gap = 1024;  // the ratio of two neighbouring measured sizes
};

// One way to measure a stage: a probe key and the params a result must carry.
struct ProbeCandidate {
  std::string probe;                          // "host.envelope"
  std::map<std::string, std::string> params;  // every one must equal the result's param
  // How a result says its confidential-computing state: the param that carries it and the
  // values meaning on and off. Empty param: the state does not apply (host-side work).
  std::string cc_param;
  std::vector<std::string> cc_on;
  std::vector<std::string> cc_off;
  std::vector<PlatformFacet> depends_on;  // empty: host work, applies on any platform
  bool emulation = false;              // a host stand-in for a device path: provenance `emulated`
  std::string label;                   // what the measurement is, in words
  std::vector<std::string> series_by;  // params that split results into separate sweeps
  std::string prefer_max;              // of several sweeps, take the one with the largest value
  FitBounds fit;                       // the map's fit_bounds, with this probe's overrides
  ProbeBound bound;                    // what a result cannot run faster than

  bool depends_on_facet(PlatformFacet f) const {
    for (PlatformFacet d : depends_on)
      if (d == f) return true;
    return false;
  }
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

// A class of storage or fabric: the links that belong to it and what a probe file says to
// be in it (file-system types for storage).
struct PlatformClass {
  std::string id;
  std::string name;
  std::vector<std::string> links;
  std::vector<std::string> filesystems;  // storage classes only
};

// How far above its physical bound (a link's datasheet bandwidth, a memory bandwidth) a
// measurement may seem to run before it is taken for an error, not a measurement
// (model/probe_map.yaml bound_factor).
struct BoundFactor {
  double factor = 0;  // 0: none given
  std::string why;
  Citation source;
};

struct ProbeMap {
  std::vector<GpuModel> gpu_models;
  FitBounds fit_bounds;
  BoundFactor bound_factor;
  std::vector<PlatformClass> storage_classes;
  std::vector<PlatformClass> fabrics;
  // `fabric` params of results whose ranks shared one node (intra_node, loopback): they
  // crossed no fabric and never stand for a fabric stage, even with --allow-mismatch.
  std::vector<std::string> same_node_fabrics;
  std::vector<ProbeRule> rules;
  // The class a link belongs to, or null.
  static const PlatformClass* class_of_link(const std::vector<PlatformClass>& classes,
                                            const std::string& link) {
    for (const PlatformClass& c : classes)
      for (const std::string& l : c.links)
        if (l == link) return &c;
    return nullptr;
  }
  // The storage class of a file-system type, or null.
  const PlatformClass* storage_of_filesystem(const std::string& fs) const {
    for (const PlatformClass& c : storage_classes)
      for (const std::string& f : c.filesystems)
        if (f == fs) return &c;
    return nullptr;
  }
};

}  // namespace plainsight
