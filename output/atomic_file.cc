#include "output/atomic_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "output/signal_guard.h"

namespace plainsight::output {

void write_file_atomically(const std::filesystem::path& target, std::string_view content) {
  OutputFile out(target);
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(out.fd(), content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR && !cancel_requested()) continue;
      const int err = errno;
      throw OutputError(err, target, std::string("write failed: ") + std::strerror(err), false);
    }
    done += static_cast<std::size_t>(n);
  }
  out.commit();
}

void check_writable_target(const std::filesystem::path& target) { OutputFile::check(target); }

}  // namespace plainsight::output
