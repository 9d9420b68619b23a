// Why a cell of the exposure matrix reads as it does, in words, from the typed basis the
// analysis gives (core/window.h, CellBasis).
#pragma once

#include <string>

#include "core/catalog.h"
#include "core/place.h"
#include "core/window.h"

namespace plainsight {

// "decrypts through the key service: SSE-KMS", "Fabric tap does not reach HBM", ...
// `window` is the window the cell belongs to (its scheme and medium), `place` its place.
std::string cell_reason(const Catalog& catalog, const Place& place, const Window& window,
                        const Cell& cell);

}  // namespace plainsight
