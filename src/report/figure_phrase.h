// The words for how a figure follows from the catalog and the scenario (core's Derivation),
// shared by every format.
#pragma once

#include <string>

#include "core/catalog.h"
#include "core/provenance.h"

namespace plainsight {

// "140 GB / 64 GB/s (PCIe Gen5 x16)", "resident for the whole horizon", or a probe result's
// own account; "" when there is nothing to say.
std::string figure_how(const Catalog& catalog, const Figure& figure);
// "datasheet: 140 GB / 63 GB/s (PCIe Gen5 x16) [pcie5-spec]"
std::string provenance_phrase(const Catalog& catalog, const Figure& figure);
// A figure read from a file as the file writes it: "0.5/d", "30d (set by the scenario)";
// "" for any other figure.
std::string written_phrase(const Figure& figure);

}  // namespace plainsight
