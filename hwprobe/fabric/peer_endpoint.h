// How one rank tells the others where to reach it: host name, IPv4 addresses, listening
// port and TLS certificate, exchanged as JSON over MPI.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hwprobe::fabric {

struct PeerEndpoint {
  std::string host;
  std::vector<std::string> addresses;  // non-loopback IPv4 first, 127.0.0.1 last
  std::uint16_t port = 0;
  std::string certificate_pem;
};

// This node's host name and addresses. PLAINSIGHT_FABRIC_INTERFACE=ib0 keeps only that
// interface's addresses, to measure one network where a node has several.
PeerEndpoint local_endpoint(std::uint16_t port, std::string certificate_pem);

// The addresses to try, in order, to reach `peer` from a rank on `my_host`: loopback
// first when both run on one host, else the peer's own addresses.
std::vector<std::string> addresses_to_try(const PeerEndpoint& peer, const std::string& my_host);

nlohmann::json to_json(const PeerEndpoint& endpoint);
PeerEndpoint endpoint_from_json(const nlohmann::json& json);

}  // namespace hwprobe::fabric
