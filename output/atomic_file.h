// Output files appear whole or not at all: written through an OutputFile (a temporary file
// in the same directory, fsync, rename over the target, fsync the directory; devices and
// FIFOs are written through).
#pragma once

#include <filesystem>
#include <string_view>

#include "output/output_file.h"

namespace plainsight::output {

// Throws OutputError (a std::system_error) naming the path on failure; leaves no temporary
// file behind.
void write_file_atomically(const std::filesystem::path& target, std::string_view content);

// Throws OutputError when `target` cannot be written; checked before any probe runs so that
// a long run does not end in an unwritable path.
void check_writable_target(const std::filesystem::path& target);

}  // namespace plainsight::output
