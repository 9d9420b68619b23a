// Who measured: the host part of a probe document's "machine" object. The GPU part comes
// from detect_gpu_environment() and is added under "gpu" by the runner.
#pragma once

#include <filesystem>

#include <nlohmann/json.hpp>

namespace hwprobe {

// hostname, cpu {model, flags, logical_cores}, memory_bytes, kernel, openssl,
// dir {path, filesystem, free_bytes}. Fields that cannot be read are left out.
nlohmann::json host_identity(const std::filesystem::path& dir);

}  // namespace hwprobe
