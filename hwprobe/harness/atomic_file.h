// Output files appear whole or not at all: write a temporary file in the same directory,
// fsync it, rename it over the target, fsync the directory.
#pragma once

#include <filesystem>
#include <string_view>

namespace hwprobe {

// Throws std::system_error naming the path on failure; leaves no temporary file behind.
void write_file_atomically(const std::filesystem::path& target, std::string_view content);

// Throws std::system_error when a file cannot be created in target's directory; checked
// before any probe runs so that a long run does not end in an unwritable path.
void check_writable_target(const std::filesystem::path& target);

}  // namespace hwprobe
