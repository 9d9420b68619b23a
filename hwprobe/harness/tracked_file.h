// A file a probe creates and writes: created exclusively (O_EXCL, mode 0600), tracked by
// its Context so that SIGINT/SIGTERM removes it too, and removed when it goes out of scope.
// The host and GPU checkpoint probes write their checkpoints through it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>

#include "hwprobe/harness/probe.h"

namespace hwprobe {

class TrackedFile {
 public:
  static constexpr std::size_t kWritePiece = 8u << 20;  // bytes per write(2) call

  // Throws ProbeError when the file cannot be created (it exists, or the directory refuses).
  TrackedFile(Context& ctx, std::filesystem::path path);
  ~TrackedFile();
  TrackedFile(const TrackedFile&) = delete;
  TrackedFile& operator=(const TrackedFile&) = delete;

  int fd() const { return fd_; }
  const std::filesystem::path& path() const { return path_; }

  // Writes all `size` bytes in pieces of kWritePiece, retrying a write that a signal
  // interrupted unless the run was cancelled; `before_piece(offset)` runs before each piece
  // (tests inject faults through it). Throws ProbeError naming the file.
  void write_all(const unsigned char* data, std::uint64_t size,
                 const std::function<void(std::uint64_t offset)>& before_piece = {});
  // fsync(2): the bytes are on the medium when it returns.
  void sync();

 private:
  Context& ctx_;
  std::filesystem::path path_;
  int fd_ = -1;
};

}  // namespace hwprobe
