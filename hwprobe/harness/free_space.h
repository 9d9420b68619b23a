// Free-space checks: a probe that writes checks first and refuses rather than filling a
// disk on a shared node.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace hwprobe {

// Bytes an unprivileged writer may still use in dir's file system; throws ProbeError.
std::uint64_t available_bytes(const std::filesystem::path& dir);

// Throws ProbeError unless `bytes` plus a safety margin (10% of the file system's free
// space, at least 64 MiB) fit in dir.
void require_free_space(const std::filesystem::path& dir, std::uint64_t bytes);

// Largest write that require_free_space would allow now.
std::uint64_t writable_budget(const std::filesystem::path& dir);

// "ext4", "xfs", "tmpfs", "nfs", "lustre", ... or "0x<magic>" when unknown.
std::string filesystem_type(const std::filesystem::path& dir);

}  // namespace hwprobe
