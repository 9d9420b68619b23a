// Writes a report to a file atomically (temporary file in the same directory, then
// rename), or to stdout when the path is empty or "-". A failed write leaves no file.
#pragma once

#include <string>

namespace plainsight::cli {

// Throws std::runtime_error with the reason; the caller maps it to exit code 2 or 3.
void write_output(const std::string& path, const std::string& content);

}  // namespace plainsight::cli
