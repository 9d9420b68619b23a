// The words reports and `plainsight catalog` use for a citation, shared by every format.
#pragma once

#include <string>

#include "core/catalog.h"

namespace plainsight {

// "announced: NVIDIA Newsroom, 2026-01-05", "shipping: R580 TRD1 (driver 580.65.06)",
// "assumed: plainsight": what a reader needs to see in a row that rests on it.
std::string status_phrase(const Catalog& catalog, const Citation& citation);
// "Title, where: \"quote\"" (a paraphrase without the quotation marks); status_phrase gives
// the publisher and date.
std::string citation_phrase(const Catalog& catalog, const Citation& citation);
// status_phrase, then citation_phrase: one line for a note.
std::string cited_line(const Catalog& catalog, const Citation& citation);

}  // namespace plainsight
