#include "cli/output.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <stdexcept>
#include <streambuf>
#include <vector>

#include <fmt/format.h>

#include "core/input_error.h"
#include "output/output_file.h"

namespace plainsight::cli {
namespace {

// An output buffer over a file descriptor. std::ofstream would do the buffering, but gives
// neither the descriptor (for fsync) nor the errno of a failed write (for a clear message).
class FdBuf : public std::streambuf {
 public:
  explicit FdBuf(int fd) : fd_(fd), buf_(1 << 20) { setp(buf_.data(), buf_.data() + buf_.size()); }
  // The errno of the first failed write; 0 if none failed.
  int error() const { return error_; }

 protected:
  int_type overflow(int_type ch) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }

  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (n <= epptr() - pptr()) {
      std::memcpy(pptr(), s, static_cast<std::size_t>(n));
      pbump(static_cast<int>(n));
      return n;
    }
    // Larger than the room left: empty the buffer and write this piece straight through.
    if (!drain() || !write_all(s, static_cast<std::size_t>(n))) return 0;
    return n;
  }

  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    const bool ok = write_all(pbase(), static_cast<std::size_t>(pptr() - pbase()));
    setp(buf_.data(), buf_.data() + buf_.size());
    return ok;
  }

  bool write_all(const char* p, std::size_t n) {
    if (error_) return false;
    while (n > 0) {
      ssize_t w = ::write(fd_, p, n);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) {
        error_ = w < 0 ? errno : EIO;
        return false;
      }
      p += w;
      n -= static_cast<std::size_t>(w);
    }
    return true;
  }

  int fd_;
  std::vector<char> buf_;
  int error_ = 0;
};

// Runs `write` into `fd` through a buffer and flushes it. Returns the errno of a failed
// write (0 when all went out); rethrows what `write` threw for another reason.
int stream_to(int fd, const OutputWriter& write) {
  FdBuf buf(fd);
  std::ostream out(&buf);
  // A failed write throws at once rather than rendering the rest of the report into a
  // stream that has stopped taking bytes.
  out.exceptions(std::ios::badbit);
  try {
    write(out);
    out.flush();
  } catch (...) {
    if (buf.error()) return buf.error();
    throw;
  }
  return buf.error();
}

// A place that cannot take the file is bad usage (exit 2); a write that failed midway is not.
[[noreturn]] void rethrow(const std::string& path, const output::OutputError& e) {
  if (e.bad_target()) throw InputError({path}, "cannot write here: " + e.reason());
  throw std::runtime_error(e.what());
}

}  // namespace

void write_output(const std::string& path, const OutputWriter& write) {
  if (path.empty() || path == "-") {
    // Whatever was written to std::cout before goes out first.
    std::cout.flush();
    if (int err = stream_to(STDOUT_FILENO, write))
      throw std::runtime_error(fmt::format("writing to stdout failed: {}", std::strerror(err)));
    return;
  }
  try {
    output::OutputFile file(path);
    // What `write` throws propagates; the OutputFile removes its temporary on the way out.
    if (int err = stream_to(file.fd(), write))
      throw output::OutputError(err, path, fmt::format("write failed: {}", std::strerror(err)),
                                false);
    file.commit();
  } catch (const output::OutputError& e) {
    rethrow(path, e);
  }
}

void check_output_target(const std::string& path) {
  if (path.empty() || path == "-") return;
  try {
    output::OutputFile::check(path);
  } catch (const output::OutputError& e) {
    rethrow(path, e);
  }
}

void write_output(const std::string& path, const std::string& content) {
  write_output(path, [&content](std::ostream& out) {
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
  });
}

}  // namespace plainsight::cli
