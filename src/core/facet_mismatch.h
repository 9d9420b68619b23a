// How a probe result's machine differs from a stage's platform in one facet the probe
// depends on (model/probe_map.yaml depends_on), as the values on both sides: the words
// ("was measured with CC off; the scenario runs CC on") are report/'s (measurement_phrase.h).
#pragma once

#include <compare>
#include <string>

#include "core/platform_facet.h"

namespace plainsight {

struct FacetMismatch {
  PlatformFacet facet = PlatformFacet::gpu;
  // What the result records, "" where it records nothing: the GPU's device name (gpu), the
  // CC state on or off (cc), the multi-GPU mode, the id of the fabric it crossed, the file
  // system it was written to (storage).
  std::string measured;
  // gpu: the catalog GPU id of the device, "" when the probe map knows no such model;
  // storage: the name of the file system's storage class, "" when it is in none.
  std::string measured_class;
  std::string measured_generation;  // gpu: the generation of measured_class
  // What the stage asks: the GPU id, the CC state, the multi-GPU mode, the fabric or storage
  // class id; "" where the stage's link is in no class (link_unclassified).
  std::string wanted;
  std::string wanted_generation;   // gpu: the wanted GPU's generation ("none" without one)
  std::string wanted_name;         // fabric, storage: the wanted class's name
  std::string link;                // fabric, storage: the stage's link, "" when it names none
  bool link_unclassified = false;  // fabric, storage: the link is in no class of the map
  int distance = 1;                // how far off: another GPU generation counts 2, another model 1
  // fabric: the result's ranks shared one node (the map's same_node_fabrics): it crossed no
  // fabric, and --allow-mismatch does not force it onto one.
  bool same_node = false;

  friend auto operator<=>(const FacetMismatch&, const FacetMismatch&) = default;
};

// A caveat of a platform that matches.
enum class MatchNote {
  protected_pcie_recorded_as_cc_off,  // NVML's "CC off, multi-GPU mode protected PCIe"
  multi_gpu_mode_taken_as_none,       // not recorded (an old driver); the scenario runs none
};

}  // namespace plainsight
