#include "output/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "output/signal_guard.h"

namespace plainsight::output {
namespace {

namespace fs = std::filesystem;

fs::path parent_of(const fs::path& p) {
  const fs::path parent = p.parent_path();
  return parent.empty() ? fs::path(".") : parent;
}

// Errors that say the place cannot take a file at all, as opposed to a write that failed.
bool is_bad_place(int err) {
  return err == ENOENT || err == ENOTDIR || err == EISDIR || err == EACCES || err == EPERM ||
         err == EROFS || err == ENAMETOOLONG || err == ELOOP || err == ENXIO;
}

std::string place_reason(int err) {
  switch (err) {
    case ENOENT:
      return "the folder does not exist";
    case ENOTDIR:
      return "a part of the path is not a folder";
    case EISDIR:
      return "it is a folder";
    case ENAMETOOLONG:
      return "the name is too long";
    default:
      return std::strerror(err);
  }
}

// A temporary name next to `target`: ".NAME.tmp.PID.N", with NAME cut so that the whole
// fits the file system's limit on a name (a NAME near that limit must still work).
fs::path temporary_name(const fs::path& target, unsigned n) {
  const fs::path dir = parent_of(target);
  long name_max = ::pathconf(dir.c_str(), _PC_NAME_MAX);
  if (name_max <= 0) name_max = NAME_MAX;
  const std::string suffix = ".tmp." + std::to_string(::getpid()) + "." + std::to_string(n);
  std::string name = target.filename().string();
  const std::size_t room = static_cast<std::size_t>(name_max) - 1 - suffix.size();
  if (name.size() > room) name.resize(room);
  return dir / ("." + name + suffix);
}

std::atomic<unsigned> g_sequence{0};

}  // namespace

OutputError::OutputError(int err, const fs::path& target, const std::string& reason,
                         bool bad_target)
    : std::system_error(err, std::generic_category(), target.string() + ": " + reason),
      reason_(reason),
      bad_target_(bad_target) {}

OutputFile::OutputFile(const fs::path& target) : target_(target), resolved_(target) {
  if (target.empty()) throw OutputError(ENOENT, target, "an empty file name", true);
  struct stat st {};
  if (::lstat(target.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
    std::error_code ec;
    resolved_ = fs::canonical(target, ec);
    if (ec)
      throw OutputError(ec.value(), target,
                        "a symbolic link to a file that cannot be written (" + ec.message() + ")",
                        true);
  }
  mode_t mode = 0;
  if (::stat(resolved_.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) throw OutputError(EISDIR, target, "it is a folder", true);
    if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
      // Renaming over a device would replace it (run as root, /dev/null itself).
      fd_ = ::open(resolved_.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
      if (fd_ < 0) throw OutputError(errno, target, std::strerror(errno), true);
      return;
    }
    if (!S_ISREG(st.st_mode))
      throw OutputError(EINVAL, target,
                        S_ISBLK(st.st_mode) ? "a block device: refusing to write over it"
                                            : "not a regular file, a character device or a FIFO",
                        true);
    mode = st.st_mode & 07777;  // a replaced file keeps its permissions
  } else if (errno != ENOENT) {
    throw OutputError(errno, target, place_reason(errno), is_bad_place(errno));
  } else {
    mode = 0666 & ~[] {
      const mode_t m = ::umask(0);
      ::umask(m);
      return m;
    }();
  }
  for (;;) {
    temporary_ = temporary_name(resolved_, g_sequence.fetch_add(1));
    // Tracked before it exists, so a signal at any moment finds it.
    track_path(temporary_);
    fd_ = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd_ >= 0) break;
    const int err = errno;
    untrack_path(temporary_);
    temporary_.clear();
    if (err == EEXIST) continue;  // a leftover of an earlier process with this pid
    throw OutputError(err, target, place_reason(err), is_bad_place(err));
  }
  if (::fchmod(fd_, mode) != 0) {
    const int err = errno;
    ::close(fd_);
    fd_ = -1;
    ::unlink(temporary_.c_str());
    untrack_path(temporary_);
    throw OutputError(err, target, std::strerror(err), false);
  }
}

OutputFile::~OutputFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!temporary_.empty()) {
    if (!committed_) ::unlink(temporary_.c_str());
    untrack_path(temporary_);
  }
}

void OutputFile::commit() {
  const int fd = fd_;
  fd_ = -1;
  auto fail = [&](int err, const std::string& what) {
    throw OutputError(err, target_, what + ": " + std::strerror(err), false);
  };
  if (temporary_.empty()) {
    if (::close(fd) != 0) fail(errno, "write failed");
    committed_ = true;
    return;
  }
  if (::fsync(fd) != 0) {
    const int err = errno;
    ::close(fd);
    fail(err, "write failed");
  }
  if (::close(fd) != 0) fail(errno, "write failed");
  // A probe run stops on the first signal: it renames nothing after one.
  if (cancel_requested()) fail(EINTR, "cancelled before renaming into place");
  if (::rename(temporary_.c_str(), resolved_.c_str()) != 0) fail(errno, "cannot rename into place");
  committed_ = true;
  // The rename is durable only once the directory entry is.
  const int dfd = ::open(parent_of(resolved_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

void OutputFile::check(const fs::path& target) {
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0 && S_ISFIFO(st.st_mode)) {
    if (::access(target.c_str(), W_OK) != 0)
      throw OutputError(errno, target, std::strerror(errno), true);
    return;
  }
  OutputFile probe(target);  // removed again when it goes out of scope
}

int flush_stdout(const char* program) {
  errno = 0;
  std::cout.flush();
  if (std::fflush(stdout) == 0 && !std::ferror(stdout) && std::cout.good()) return 0;
  const int err = errno;
  std::cerr << program << ": error: writing to stdout failed: "
            << (err != 0 ? std::strerror(err) : "write error") << "\n";
  return 3;
}

}  // namespace plainsight::output
