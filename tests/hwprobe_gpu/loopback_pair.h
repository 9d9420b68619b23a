// A connected pair of fabric streams over 127.0.0.1, plain or TLS, the server end built
// on a thread (the TLS handshake needs both ends at once).
#pragma once

#include <future>
#include <memory>

#include "hwprobe/fabric/tcp_socket.h"
#include "hwprobe/fabric/tls_stream.h"

namespace hwprobe::testing {

struct LoopbackPair {
  std::unique_ptr<fabric::ByteStream> client;
  std::unique_ptr<fabric::ByteStream> server;
};

inline LoopbackPair make_loopback_pair(bool tls) {
  using namespace std::chrono_literals;
  std::uint16_t port = 0;
  fabric::Socket listener = fabric::listen_tcp(port);
  auto identity = std::make_shared<fabric::TlsIdentity>(fabric::TlsIdentity::generate());
  auto server = std::async(std::launch::async,
                           [&listener, identity, tls]() -> std::unique_ptr<fabric::ByteStream> {
                             fabric::Socket socket = fabric::accept_tcp(listener, 10s);
                             fabric::tune_for_transfer(socket, 10s);
                             if (tls)
                               return fabric::TlsStream::accept(std::move(socket), *identity);
                             return std::make_unique<fabric::PlainStream>(std::move(socket));
                           });
  fabric::Socket socket = fabric::connect_tcp("127.0.0.1", port, 5s);
  fabric::tune_for_transfer(socket, 10s);
  LoopbackPair pair;
  if (tls) {
    pair.client = fabric::TlsStream::connect(std::move(socket), identity->certificate_pem());
  } else {
    pair.client = std::make_unique<fabric::PlainStream>(std::move(socket));
  }
  pair.server = server.get();
  return pair;
}

}  // namespace hwprobe::testing
