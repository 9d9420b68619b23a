// A place in words: what it is and whose machine it is ("Amazon FSx for Lustre, a managed
// service run by Amazon Web Services").
#pragma once

#include <string>
#include <string_view>

#include "core/catalog.h"
#include "core/place.h"

namespace plainsight {

// "managed service", "compute host", "partner's or endpoint's site", ...
std::string_view place_kind_words(std::string_view kind);
// "us", "Amazon Web Services", "Partner A": who runs it, by name.
std::string operator_words(const Place& place);
// "Amazon FSx for Lustre (managed service run by Amazon Web Services)"; a cloud VM of ours
// adds "on Amazon Web Services' hardware". The one place of a scenario without places: "".
std::string place_phrase(const Catalog& catalog, const Place& place);

}  // namespace plainsight
