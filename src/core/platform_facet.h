// The facets of a platform a probe result depends on (model/probe_map.yaml depends_on): apart
// from the probe map, so that a mismatch (core/facet_mismatch.h) names one without the map.
#pragma once

namespace plainsight {

// What of the platform a result depends on, each compared with the scenario's.
enum class PlatformFacet {
  gpu,             // the GPU model (catalog gpu id)
  cc,              // the confidential-computing state
  multi_gpu_mode,  // none, protected_pcie, nvlink_encryption
  fabric,          // the fabric class of the stage's link
  storage,         // the storage class of the stage's link
};
inline const char* to_string(PlatformFacet facet) {
  switch (facet) {
    case PlatformFacet::gpu:
      return "gpu";
    case PlatformFacet::cc:
      return "cc";
    case PlatformFacet::multi_gpu_mode:
      return "multi_gpu_mode";
    case PlatformFacet::fabric:
      return "fabric";
    case PlatformFacet::storage:
      return "storage";
  }
  return "";
}

}  // namespace plainsight
