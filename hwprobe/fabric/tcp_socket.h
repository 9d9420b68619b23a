// A TCP socket owned by one object, and the few blocking operations the fabric probe
// needs. Every wait is bounded, so a lost peer ends the probe with an error, not a hang.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace hwprobe::fabric {

class Socket {
 public:
  Socket() = default;
  explicit Socket(int fd) : fd_(fd) {}
  ~Socket();
  Socket(Socket&& other) noexcept : fd_(other.release()) {}
  Socket& operator=(Socket&& other) noexcept;
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;

  int fd() const { return fd_; }
  int release();
  bool valid() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

// Listens on every IPv4 interface, on a port the kernel picks; `port` receives it.
Socket listen_tcp(std::uint16_t& port);
// Waits at most `timeout` for one connection. Throws ProbeError on timeout.
Socket accept_tcp(const Socket& listener, std::chrono::milliseconds timeout);
// Connects to an IPv4 address within `timeout`. Throws ProbeError on failure.
Socket connect_tcp(const std::string& address, std::uint16_t port,
                   std::chrono::milliseconds timeout);
// The IPv4 address of the other end ("10.0.0.7"), or "" when unknown.
std::string peer_address(const Socket& socket);
// Bounds every later send/recv and turns Nagle off (the protocol's acks are one byte).
void tune_for_transfer(const Socket& socket, std::chrono::milliseconds io_timeout);

}  // namespace hwprobe::fabric
