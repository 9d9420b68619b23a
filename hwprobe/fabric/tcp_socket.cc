#include "hwprobe/fabric/tcp_socket.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

#include "hwprobe/harness/probe.h"

namespace hwprobe::fabric {
namespace {

[[noreturn]] void fail(const std::string& what) {
  throw ProbeError(what + ": " + std::strerror(errno));
}

// poll() that retries on EINTR; returns false on timeout.
bool wait_for(int fd, short events, std::chrono::milliseconds timeout) {
  pollfd p{fd, events, 0};
  for (;;) {
    const int rc = ::poll(&p, 1, static_cast<int>(timeout.count()));
    if (rc > 0) return true;
    if (rc == 0) return false;
    if (errno != EINTR) fail("poll");
  }
}

}  // namespace

Socket::~Socket() {
  if (fd_ >= 0) ::close(fd_);
}

Socket& Socket::operator=(Socket&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.release();
  }
  return *this;
}

int Socket::release() {
  const int fd = fd_;
  fd_ = -1;
  return fd;
}

Socket listen_tcp(std::uint16_t& port) {
  Socket socket(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (!socket.valid()) fail("socket");
  const int one = 1;
  ::setsockopt(socket.fd(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_ANY);
  address.sin_port = 0;
  if (::bind(socket.fd(), reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) fail("bind");
  if (::listen(socket.fd(), 4) != 0) fail("listen");
  socklen_t length = sizeof address;
  if (::getsockname(socket.fd(), reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    fail("getsockname");
  }
  port = ntohs(address.sin_port);
  return socket;
}

Socket accept_tcp(const Socket& listener, std::chrono::milliseconds timeout) {
  if (!wait_for(listener.fd(), POLLIN, timeout)) {
    throw ProbeError("no peer connected within " + std::to_string(timeout.count()) + " ms");
  }
  Socket socket(::accept4(listener.fd(), nullptr, nullptr, SOCK_CLOEXEC));
  if (!socket.valid()) fail("accept");
  return socket;
}

Socket connect_tcp(const std::string& address, std::uint16_t port,
                   std::chrono::milliseconds timeout) {
  sockaddr_in peer{};
  peer.sin_family = AF_INET;
  peer.sin_port = htons(port);
  if (::inet_pton(AF_INET, address.c_str(), &peer.sin_addr) != 1) {
    throw ProbeError("not an IPv4 address: " + address);
  }
  // Non-blocking connect, so an unreachable address costs `timeout`, not the kernel's minutes.
  Socket socket(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
  if (!socket.valid()) fail("socket");
  if (::connect(socket.fd(), reinterpret_cast<sockaddr*>(&peer), sizeof peer) != 0) {
    if (errno != EINPROGRESS) fail("connect " + address + ":" + std::to_string(port));
    if (!wait_for(socket.fd(), POLLOUT, timeout)) {
      throw ProbeError("connect " + address + ":" + std::to_string(port) + ": timed out");
    }
    int error = 0;
    socklen_t length = sizeof error;
    ::getsockopt(socket.fd(), SOL_SOCKET, SO_ERROR, &error, &length);
    if (error != 0) {
      errno = error;
      fail("connect " + address + ":" + std::to_string(port));
    }
  }
  const int flags = ::fcntl(socket.fd(), F_GETFL);
  ::fcntl(socket.fd(), F_SETFL, flags & ~O_NONBLOCK);
  return socket;
}

std::string peer_address(const Socket& socket) {
  sockaddr_in peer{};
  socklen_t length = sizeof peer;
  char text[INET_ADDRSTRLEN] = {};
  if (::getpeername(socket.fd(), reinterpret_cast<sockaddr*>(&peer), &length) != 0 ||
      ::inet_ntop(AF_INET, &peer.sin_addr, text, sizeof text) == nullptr) {
    return "";
  }
  return text;
}

void tune_for_transfer(const Socket& socket, std::chrono::milliseconds io_timeout) {
  const int one = 1;
  ::setsockopt(socket.fd(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(io_timeout.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((io_timeout.count() % 1000) * 1000);
  ::setsockopt(socket.fd(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(socket.fd(), SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

}  // namespace hwprobe::fabric
