#include "hwprobe/fabric/tls_stream.h"

#include <future>
#include <thread>

#include <gtest/gtest.h>

#include "hwprobe/harness/probe.h"
#include "loopback_pair.h"

namespace hwprobe {
namespace {

using namespace std::chrono_literals;

TEST(TlsStream, RoundTripOverTls13AesGcm) {
  testing::LoopbackPair pair = testing::make_loopback_pair(true);
  auto* client = dynamic_cast<fabric::TlsStream*>(pair.client.get());
  ASSERT_NE(client, nullptr);
  EXPECT_EQ(client->version(), "TLSv1.3");
  EXPECT_NE(client->cipher().find("GCM"), std::string::npos);
  std::vector<std::byte> sent(300000);
  for (std::size_t i = 0; i < sent.size(); ++i) sent[i] = static_cast<std::byte>(i * 7);
  std::vector<std::byte> got(sent.size());
  std::thread reader([&] { pair.server->read_all(got.data(), got.size()); });
  pair.client->write_all(sent.data(), sent.size());
  reader.join();
  EXPECT_EQ(got, sent);
}

TEST(TlsStream, ClientRejectsAServerItWasNotToldToTrust) {
  std::uint16_t port = 0;
  fabric::Socket listener = fabric::listen_tcp(port);
  const fabric::TlsIdentity real = fabric::TlsIdentity::generate();
  const fabric::TlsIdentity other = fabric::TlsIdentity::generate();
  auto server = std::async(std::launch::async, [&] {
    try {
      fabric::TlsStream::accept(fabric::accept_tcp(listener, 10s), real);
    } catch (const ProbeError&) {
      // the client hangs up on it
    }
  });
  fabric::Socket socket = fabric::connect_tcp("127.0.0.1", port, 5s);
  fabric::tune_for_transfer(socket, 10s);
  EXPECT_THROW(fabric::TlsStream::connect(std::move(socket), other.certificate_pem()), ProbeError);
  server.get();
}

TEST(TlsStream, ConnectToClosedPortFailsQuickly) {
  std::uint16_t port = 0;
  { fabric::Socket listener = fabric::listen_tcp(port); }
  EXPECT_THROW(fabric::connect_tcp("127.0.0.1", port, 2s), ProbeError);
  EXPECT_THROW(fabric::connect_tcp("not-an-address", port, 2s), ProbeError);
}

}  // namespace
}  // namespace hwprobe
