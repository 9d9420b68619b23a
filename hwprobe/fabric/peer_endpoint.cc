#include "hwprobe/fabric/peer_endpoint.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <unistd.h>
#include <cstdlib>

namespace hwprobe::fabric {

PeerEndpoint local_endpoint(std::uint16_t port, std::string certificate_pem) {
  PeerEndpoint endpoint;
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  endpoint.host = host;
  endpoint.port = port;
  endpoint.certificate_pem = std::move(certificate_pem);
  const char* only = std::getenv("PLAINSIGHT_FABRIC_INTERFACE");
  ifaddrs* list = nullptr;
  if (::getifaddrs(&list) == 0) {
    for (ifaddrs* entry = list; entry != nullptr; entry = entry->ifa_next) {
      if (entry->ifa_addr == nullptr || entry->ifa_addr->sa_family != AF_INET) continue;
      if ((entry->ifa_flags & IFF_UP) == 0 || (entry->ifa_flags & IFF_LOOPBACK) != 0) continue;
      if (only != nullptr && *only != '\0' && std::string(entry->ifa_name) != only) continue;
      char text[INET_ADDRSTRLEN] = {};
      const auto* address = reinterpret_cast<const sockaddr_in*>(entry->ifa_addr);
      if (::inet_ntop(AF_INET, &address->sin_addr, text, sizeof text) != nullptr) {
        endpoint.addresses.emplace_back(text);
      }
    }
    ::freeifaddrs(list);
  }
  endpoint.addresses.emplace_back("127.0.0.1");
  return endpoint;
}

std::vector<std::string> addresses_to_try(const PeerEndpoint& peer, const std::string& my_host) {
  std::vector<std::string> out;
  if (peer.host == my_host) out.emplace_back("127.0.0.1");
  for (const std::string& address : peer.addresses) {
    if (address == "127.0.0.1") continue;  // only meaningful on the same host, handled above
    out.push_back(address);
  }
  return out;
}

nlohmann::json to_json(const PeerEndpoint& endpoint) {
  return {{"host", endpoint.host},
          {"addresses", endpoint.addresses},
          {"port", endpoint.port},
          {"certificate_pem", endpoint.certificate_pem}};
}

PeerEndpoint endpoint_from_json(const nlohmann::json& json) {
  PeerEndpoint endpoint;
  endpoint.host = json.at("host").get<std::string>();
  endpoint.addresses = json.at("addresses").get<std::vector<std::string>>();
  endpoint.port = json.at("port").get<std::uint16_t>();
  endpoint.certificate_pem = json.at("certificate_pem").get<std::string>();
  return endpoint;
}

}  // namespace hwprobe::fabric
