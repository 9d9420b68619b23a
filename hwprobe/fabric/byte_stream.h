// A reliable, ordered byte stream between two probe endpoints: plain TCP or TLS over it.
#pragma once

#include <cstddef>
#include <string>

#include "hwprobe/fabric/tcp_socket.h"

namespace hwprobe::fabric {

class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Both throw ProbeError on a closed connection, a timeout or a TLS error.
  virtual void write_all(const std::byte* data, std::size_t size) = 0;
  virtual void read_all(std::byte* data, std::size_t size) = 0;
};

// TCP without encryption: the baseline the TLS figures are compared with.
class PlainStream final : public ByteStream {
 public:
  explicit PlainStream(Socket socket) : socket_(std::move(socket)) {}
  void write_all(const std::byte* data, std::size_t size) override;
  void read_all(std::byte* data, std::size_t size) override;

 private:
  Socket socket_;
};

}  // namespace hwprobe::fabric
