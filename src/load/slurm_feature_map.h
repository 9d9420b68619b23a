// Which Slurm GPU types and node features mean what to plainsight: a small mapping file with
// a documented default (model/slurm_features.yaml) that a site edits to its own names.
// Features are site conventions, not facts: nothing here cites a source.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/input_error.h"

namespace plainsight {

struct SlurmFeatureMap {
  struct GpuType {
    std::string match;  // a Gres type pattern, '*' for any run of characters, any case
    std::string gpu;    // catalog GPU id
  };
  struct Feature {
    std::string gpu, cpu_tee, multi_gpu_mode;  // "" where the feature does not say
    int confidential_mode = -1;                // -1: does not say; 0 off; 1 on
    // The catalog offering the node is (dgx_h100, aws_p5): its defaults stand for the platform
    // keys no Gres type or feature states ("gpu" -> "h100", "confidential_mode" -> "off").
    std::string offering;
    std::map<std::string, std::string> offering_defaults;
    SourceLocation where;
  };
  std::string file;
  std::vector<GpuType> gpu_types;           // in file order: the first match wins
  std::map<std::string, Feature> features;  // by feature name, lower case

  // The catalog GPU a Gres type names, or "" when no pattern matches.
  std::string gpu_of(const std::string& gres_type) const;
};

// The map at `file`, its ids checked against the catalog; InputError at file:line:col.
SlurmFeatureMap load_slurm_feature_map(const std::filesystem::path& file, const Catalog& catalog);

// Whether `text` matches `pattern` ('*' any run of characters), ignoring case.
bool glob_match(const std::string& pattern, const std::string& text);

}  // namespace plainsight
