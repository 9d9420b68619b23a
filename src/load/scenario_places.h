// Places: where a scenario's stages run and whose machine each is (docs/scenarios.md#places).
// Reads the `platform:` section, `places:` entries and the place keys of groups; derives each
// place's platform (offering defaults, or the scenario's platform for a place of ours without
// an offering; then `--set platform.*` on places of ours; then the place's own keys, which
// are pinned) and checks it against its offering and the vendors' platform rules.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/catalog.h"
#include "core/place.h"
#include "load/map_reader.h"

namespace plainsight {

// The `platform:` section as read: the platform, where each key stands, and the keys a
// `--set platform.KEY` wrote (what-ifs that reach every place of ours).
struct PlatformSection {
  bool present = false;
  Platform platform;
  std::map<std::string, SourceLocation> key_at;
  std::vector<std::pair<std::string, std::string>> overridden;  // key, normalised value
};

// `node` may be undefined (a scenario with places and no `platform:`).
PlatformSection read_platform_section(const YamlFile& file, const YamlNode& node,
                                      const Catalog& catalog);

// A `places:` entry, or (with `group`, the group's id) the place keys of a group's mapping `r`
// reads: its id, name and count are then the caller's.
Place read_place(MapReader& r, const Catalog& catalog, const PlatformSection& section,
                 const std::string* group = nullptr);

// The one place of a scenario without `places:`: ours, custom, on the scenario's platform.
Place implicit_place(const PlatformSection& section);

// The attributes conditions match on (place.kind, place.operator, place.hardware,
// place.access, place.offering, offering.ATTRIBUTE).
Attributes place_attributes(const Catalog& catalog, const Place& place);

// Throws InputError when a place's platform is one its offering does not offer or a platform
// rule refuses, at the key responsible (a --set first).
void check_place_platform(const Catalog& catalog, const Place& place, const std::string& what);

}  // namespace plainsight
