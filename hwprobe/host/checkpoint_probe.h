// host.checkpoint: a checkpoint written the way training jobs write one. A tensor set is
// serialized in the safetensors layout and written to --dir, timed by phase: serialize,
// page_cache_write (the bytes now sit in plaintext in file-system buffers), fsync (flushed
// to media), write_fsync (the two together), read_verify (read back, SHA-256 checked). Mode
// "encrypted" adds client-side AES-256-GCM before the write (phase encrypt), which closes
// the plaintext window in the buffers at the cost measured here. Every file is removed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>

#include "hwprobe/harness/probe.h"

namespace hwprobe {

// Test hooks. before_write is called before each piece of a checkpoint write with the file
// and the offset about to be written; throwing from it simulates a failing disk.
// after_fsync sees each file once it is durable, before it is removed.
struct CheckpointHooks {
  std::function<void(const std::filesystem::path& file, std::uint64_t offset)> before_write;
  std::function<void(const std::filesystem::path& file, bool encrypted)> after_fsync;
};

class CheckpointProbe final : public Probe {
 public:
  explicit CheckpointProbe(CheckpointHooks hooks = {}) : hooks_(std::move(hooks)) {}
  std::string key() const override { return "host.checkpoint"; }
  std::string suite() const override { return "host"; }
  std::string description() const override;
  Filter filter(const Environment& env) const override;
  void run(Context& ctx) override;

 private:
  CheckpointHooks hooks_;
};

}  // namespace hwprobe
