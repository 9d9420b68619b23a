#include "hwprobe/fabric/peer_endpoint.h"

#include <gtest/gtest.h>

namespace hwprobe {
namespace {

TEST(PeerEndpoint, LocalHasLoopbackLast) {
  const fabric::PeerEndpoint local = fabric::local_endpoint(1234, "PEM");
  EXPECT_FALSE(local.host.empty());
  ASSERT_FALSE(local.addresses.empty());
  EXPECT_EQ(local.addresses.back(), "127.0.0.1");
  EXPECT_EQ(local.port, 1234);
}

TEST(PeerEndpoint, JsonRoundTrip) {
  const fabric::PeerEndpoint in{"node7", {"10.0.0.7", "127.0.0.1"}, 4242, "PEM"};
  const fabric::PeerEndpoint out =
      fabric::endpoint_from_json(nlohmann::json::parse(to_json(in).dump()));
  EXPECT_EQ(out.host, "node7");
  EXPECT_EQ(out.addresses, in.addresses);
  EXPECT_EQ(out.port, 4242);
  EXPECT_EQ(out.certificate_pem, "PEM");
}

TEST(PeerEndpoint, SameHostUsesLoopbackOtherHostItsAddresses) {
  const fabric::PeerEndpoint peer{"node7", {"10.0.0.7", "192.168.1.7", "127.0.0.1"}, 1, ""};
  EXPECT_EQ(fabric::addresses_to_try(peer, "node7"),
            (std::vector<std::string>{"127.0.0.1", "10.0.0.7", "192.168.1.7"}));
  EXPECT_EQ(fabric::addresses_to_try(peer, "node1"),
            (std::vector<std::string>{"10.0.0.7", "192.168.1.7"}));
}

}  // namespace
}  // namespace hwprobe
