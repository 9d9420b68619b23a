#include "hwprobe/fabric/transfer_protocol.h"

#include <future>

#include <gtest/gtest.h>

#include "hwprobe/harness/probe.h"
#include "loopback_pair.h"

namespace hwprobe {
namespace {

void round_trip(bool tls) {
  testing::LoopbackPair pair = testing::make_loopback_pair(tls);
  std::vector<std::byte> payload(3 << 20);
  for (std::size_t i = 0; i < payload.size(); ++i) payload[i] = static_cast<std::byte>(i % 251);
  std::vector<std::byte> last;
  auto served = std::async(std::launch::async, [&] { return fabric::serve(*pair.server, &last); });
  for (std::uint64_t bytes : {std::uint64_t{1}, std::uint64_t{4096}, std::uint64_t{3 << 20}}) {
    const double seconds = fabric::send_timed(*pair.client, payload, bytes);
    EXPECT_GT(seconds, 0.0);
  }
  fabric::send_end(*pair.client);
  EXPECT_EQ(served.get(), 3u);
  EXPECT_EQ(last, payload);  // the last message arrived intact
}

TEST(TransferProtocol, PlainRoundTrip) { round_trip(false); }
TEST(TransferProtocol, TlsRoundTrip) { round_trip(true); }

TEST(TransferProtocol, RejectsSizesBeyondThePayload) {
  testing::LoopbackPair pair = testing::make_loopback_pair(false);
  std::vector<std::byte> payload(16);
  EXPECT_THROW(fabric::send_timed(*pair.client, payload, 17), ProbeError);
  EXPECT_THROW(fabric::send_timed(*pair.client, payload, 0), ProbeError);
}

TEST(TransferProtocol, PeerGoneIsAnError) {
  testing::LoopbackPair pair = testing::make_loopback_pair(false);
  pair.server.reset();
  std::vector<std::byte> payload(1 << 20);
  EXPECT_THROW(fabric::send_timed(*pair.client, payload, payload.size()), ProbeError);
}

}  // namespace
}  // namespace hwprobe
