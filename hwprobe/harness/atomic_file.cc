#include "hwprobe/harness/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <system_error>
#include <vector>

#include "hwprobe/harness/signal_guard.h"

namespace hwprobe {
namespace {

std::filesystem::path parent_of(const std::filesystem::path& target) {
  const auto parent = target.parent_path();
  return parent.empty() ? std::filesystem::path(".") : parent;
}

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path) {
  throw std::system_error(errno, std::generic_category(), what + " " + path.string());
}

// A temporary file in target's directory, removed unless released.
class TempFile {
 public:
  explicit TempFile(const std::filesystem::path& target) {
    // Built by appending: GCC 12 warns falsely (-Wrestrict) on "." + std::string.
    std::string name(1, '.');
    name.append(target.filename().string()).append(".tmp.XXXXXX");
    const std::string pattern = (parent_of(target) / name).string();
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    fd_ = ::mkstemp(buf.data());
    if (fd_ < 0) fail("cannot create a file in", parent_of(target));
    path_ = buf.data();
    track_path(path_);
  }
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!released_) ::unlink(path_.c_str());
    untrack_path(path_);
  }
  int fd() const { return fd_; }
  const std::filesystem::path& path() const { return path_; }
  void close_fd() {
    if (::close(fd_) != 0) {
      fd_ = -1;
      fail("cannot close", path_);
    }
    fd_ = -1;
  }
  void release() { released_ = true; }

 private:
  int fd_ = -1;
  std::filesystem::path path_;
  bool released_ = false;
};

}  // namespace

void write_file_atomically(const std::filesystem::path& target, std::string_view content) {
  TempFile tmp(target);
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(tmp.fd(), content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR && !cancel_requested()) continue;
      fail("cannot write", tmp.path());
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fchmod(tmp.fd(), 0644) != 0) fail("cannot chmod", tmp.path());
  if (::fsync(tmp.fd()) != 0) fail("cannot fsync", tmp.path());
  tmp.close_fd();
  if (cancel_requested()) {
    errno = EINTR;
    fail("cancelled before renaming to", target);
  }
  if (::rename(tmp.path().c_str(), target.c_str()) != 0) fail("cannot rename to", target);
  tmp.release();
  // The rename is durable only once the directory entry is.
  const int dfd = ::open(parent_of(target).c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

void check_writable_target(const std::filesystem::path& target) {
  if (std::filesystem::is_directory(target)) {
    errno = EISDIR;
    fail("output is a directory:", target);
  }
  TempFile probe(target);
}

}  // namespace hwprobe
