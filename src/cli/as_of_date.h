// The date risk_tracking expiries are read against (--as-of): given, or SOURCE_DATE_EPOCH's
// day where set (reproducible builds' convention: the same input gives the same report), or
// today in UTC.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace plainsight::cli {

// Adds --as-of to `cmd`, writing into `date` (checked: YYYY-MM-DD).
void add_as_of(CLI::App& cmd, std::string& date);
// `given`, or the default above.
std::string as_of_date(const std::string& given);

}  // namespace plainsight::cli
