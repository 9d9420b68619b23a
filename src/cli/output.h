// Writes a report to a file atomically (temporary file in the same directory, then fsync
// and rename), or to stdout when the path is empty or "-". A failed write leaves no file.
#pragma once

#include <functional>
#include <ostream>
#include <string>

namespace plainsight::cli {

// Writes the output into `out` as it goes; may throw, and the target is then left untouched.
using OutputWriter = std::function<void(std::ostream& out)>;

// Streams what `write` writes through a buffer into the temporary file, so a report of
// hundreds of MB is never held whole. Throws std::runtime_error with the reason (a full disk:
// "PATH: write failed: No space left on device"), or what `write` threw, after removing the
// temporary file; the caller maps it to exit code 2 or 3.
void write_output(const std::string& path, const OutputWriter& write);
void write_output(const std::string& path, const std::string& content);

}  // namespace plainsight::cli
