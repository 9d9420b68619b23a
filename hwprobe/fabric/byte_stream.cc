#include "hwprobe/fabric/byte_stream.h"

#include <sys/socket.h>
#include <cerrno>
#include <cstring>

#include "hwprobe/harness/probe.h"

namespace hwprobe::fabric {

void PlainStream::write_all(const std::byte* data, std::size_t size) {
  while (size > 0) {
    const ssize_t sent = ::send(socket_.fd(), data, size, MSG_NOSIGNAL);
    if (sent < 0) {
      if (errno == EINTR) continue;
      throw ProbeError(std::string("send: ") + std::strerror(errno));
    }
    data += sent;
    size -= static_cast<std::size_t>(sent);
  }
}

void PlainStream::read_all(std::byte* data, std::size_t size) {
  while (size > 0) {
    const ssize_t got = ::recv(socket_.fd(), data, size, 0);
    if (got == 0) throw ProbeError("recv: peer closed the connection");
    if (got < 0) {
      if (errno == EINTR) continue;
      throw ProbeError(std::string("recv: ") + std::strerror(errno));
    }
    data += got;
    size -= static_cast<std::size_t>(got);
  }
}

}  // namespace hwprobe::fabric
