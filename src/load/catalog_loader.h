// Loads model/*.yaml into a Catalog and checks every reference in it.
#pragma once

#include <filesystem>

#include "core/catalog.h"

namespace plainsight {

// Throws InputError at the offending file:line:col.
Catalog load_catalog(const std::filesystem::path& model_dir);

// The bundled catalog: $PLAINSIGHT_MODEL, else <source dir>/model.
std::filesystem::path default_model_dir();

}  // namespace plainsight
