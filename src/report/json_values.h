// Small JSON values more than one report writes: a figure with its provenance and a citation.
#pragma once

#include <nlohmann/json.hpp>

#include "core/catalog.h"
#include "core/provenance.h"

namespace plainsight {

// {"value", "provenance", "source", "detail"}: detail is how the figure was derived, in words.
nlohmann::ordered_json figure_json(const Catalog& catalog, const Figure& figure);
// {"source", "title", "status", "release", "where", "quote" or "paraphrase"}
nlohmann::ordered_json citation_json(const Catalog& catalog, const Citation& citation);

}  // namespace plainsight
