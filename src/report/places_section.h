// Whose machine each stage is on: the places of a scenario (what each is, who runs it and its
// hardware, its offering) and the flows that cross from one place to another (trust
// boundaries). Shown where a scenario has places; a scenario with one platform has one.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "analyze/analysis.h"
#include "report/text_table.h"

namespace plainsight {

// Whether the report shows places at all (the scenario lists them, or has groups).
bool has_places(const Analysis& analysis);

TextTable places_table(const Analysis& analysis);
// "Amazon S3 -> Serving nodes (s3 -> staging): Amazon Web Services -> us, another trust
// domain", one per boundary, in flow order.
std::vector<std::string> boundary_lines(const Analysis& analysis);

void places_plain(std::ostream& out, const Analysis& analysis);
void places_markdown(std::ostream& out, const Analysis& analysis);

}  // namespace plainsight
