// --set KEY=VALUE: overrides any scalar of a scenario before it is read, so an override
// is validated exactly like the YAML it replaces. List items are addressed by their id:
// `stages.ckpt.duration=2s`.
#pragma once

#include <string>
#include <vector>

#include "load/yaml_file.h"

namespace plainsight {

// Throws InputError naming the override when it is malformed or its path runs into a value.
void apply_override(YamlFile& file, const std::string& assignment);

// A --set key split as apply_override reads it: "groups[node].stages[n0.ckpt].duration" is
// groups, [node], stages, [n0.ckpt], duration (`item`: written in brackets). Throws
// InputError at `where` when the key is malformed.
struct SetKeySegment {
  std::string text;
  bool item = false;
};
std::vector<SetKeySegment> set_key_segments(const std::string& key, const SourceLocation& where);

}  // namespace plainsight
