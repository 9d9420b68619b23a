// An offering: what a cloud instance type, a managed service or an on-prem system can run
// (model/offerings.yaml). A place names one; its platform keys are checked against what the
// offering allows, and controls are offered only where the offering supports their change.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/citation.h"
#include "core/input_error.h"

namespace plainsight {

// The values one platform key may take on an offering, with the source that says so.
struct OfferingAllows : Cited {
  std::vector<std::string> values;  // normalised as the platform key table writes them
  std::string fallback;             // the default: the first value unless stated
};

struct Offering : Cited {
  std::string id;
  std::string name;
  std::string provider;            // "aws", "azure", "gcp"; "" for hardware one buys and runs
  std::string provider_name;       // "Amazon Web Services"; "" on-prem
  std::string status_note;         // e.g. "preview": shown with the offering
  std::vector<std::string> kinds;  // place kinds it can be (compute_host, managed_service, ...)
  // Descriptive facts (cpu, cpu_arch, gpu_model, fabric, local_disk_encryption, ...), each
  // cited; also what conditions match on as offering.<key>.
  std::map<std::string, std::string> attributes;
  std::map<std::string, Citation> attribute_sources;
  // Platform key -> what it may be here ("cpu_tee" -> [none]). A key not listed is free.
  std::map<std::string, OfferingAllows> allows;
  // Catalog links the hardware has, by medium (fabric -> efa_p5): what `generate` uses.
  std::map<std::string, std::string> links;
  SourceLocation where;

  const OfferingAllows* allowed(const std::string& key) const {
    auto it = allows.find(key);
    return it == allows.end() ? nullptr : &it->second;
  }
};

}  // namespace plainsight
