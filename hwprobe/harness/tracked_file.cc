#include "hwprobe/harness/tracked_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

namespace hwprobe {
namespace {

std::string errno_text(const std::string& what, const std::filesystem::path& p) {
  return what + " " + p.string() + ": " + std::strerror(errno);
}

}  // namespace

TrackedFile::TrackedFile(Context& ctx, std::filesystem::path path)
    : ctx_(ctx), path_(std::move(path)) {
  ctx_.track_file(path_);
  fd_ = ::open(path_.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd_ < 0) {
    const std::string msg = errno_text("cannot create", path_);
    ctx_.untrack_file(path_);
    throw ProbeError(msg);
  }
}

TrackedFile::~TrackedFile() {
  ::close(fd_);
  ::unlink(path_.c_str());
  ctx_.untrack_file(path_);
}

void TrackedFile::write_all(const unsigned char* data, std::uint64_t size,
                            const std::function<void(std::uint64_t offset)>& before_piece) {
  for (std::uint64_t done = 0; done < size;) {
    if (before_piece) before_piece(done);
    const std::size_t piece =
        static_cast<std::size_t>(std::min<std::uint64_t>(kWritePiece, size - done));
    const ssize_t w = ::write(fd_, data + done, piece);
    if (w < 0) {
      if (errno == EINTR) {
        stop_if_cancelled(ctx_);
        continue;
      }
      throw ProbeError(errno_text("cannot write", path_));
    }
    done += static_cast<std::uint64_t>(w);
  }
}

void TrackedFile::sync() {
  if (::fsync(fd_) != 0) throw ProbeError(errno_text("cannot fsync", path_));
}

}  // namespace hwprobe
