// Loads model/probe_map.yaml: which probe measures which stage (core/probe_map.h).
#pragma once

#include <filesystem>

#include "core/catalog.h"
#include "core/probe_map.h"

namespace plainsight {

// Throws InputError at file:line:col; checks media, GPU ids and figures against `catalog`.
ProbeMap load_probe_map(const std::filesystem::path& file, const Catalog& catalog);

}  // namespace plainsight
