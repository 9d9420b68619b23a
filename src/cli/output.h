// Writes a report to a file atomically (temporary file in the same directory, then fsync
// and rename), or to stdout when the path is empty or "-". A failed write leaves no file.
// The file handling is output/'s OutputFile, shared with the probe command: devices and
// FIFOs are written through, links followed, temporaries removed on SIGINT/SIGTERM once
// main() has installed the signal handlers (output/signal_guard.h).
#pragma once

#include <functional>
#include <ostream>
#include <string>

namespace plainsight::cli {

// Writes the output into `out` as it goes; may throw, and the target is then left untouched.
using OutputWriter = std::function<void(std::ostream& out)>;

// Streams what `write` writes through a buffer into the temporary file, so a report of
// hundreds of MB is never held whole. Throws InputError (exit code 2) when PATH cannot take a
// file at all (a missing folder, a folder, a name too long); std::runtime_error with the
// reason when writing fails midway (a full disk: "PATH: write failed: No space left on
// device", exit code 3); or what `write` threw. No temporary file is left in any case.
void write_output(const std::string& path, const OutputWriter& write);
void write_output(const std::string& path, const std::string& content);

// Throws InputError (exit code 2, the message write_output gives) unless PATH could take a
// file, creating nothing that stays; nothing to check for stdout ("" or "-"). A command that
// works for a while before it writes checks its targets first, so that it never runs only to
// be refused, nor writes one file and then fails on the next.
void check_output_target(const std::string& path);

}  // namespace plainsight::cli
