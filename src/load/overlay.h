// --set KEY=VALUE: overrides any scalar of a scenario before it is read, so an override
// is validated exactly like the YAML it replaces. List items are addressed by their id:
// `stages.ckpt.duration=2s`.
#pragma once

#include <string>

#include "load/yaml_file.h"

namespace plainsight {

// Throws InputError naming the override when it is malformed or its path runs into a value.
void apply_override(YamlFile& file, const std::string& assignment);

}  // namespace plainsight
