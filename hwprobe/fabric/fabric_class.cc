#include "hwprobe/fabric/fabric_class.h"

#include <cstdlib>
#include <fstream>
#include <system_error>

namespace hwprobe {
namespace {

std::string first_line(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::string line;
  std::getline(in, line);
  return line;
}

bool starts_with_ci(const std::string& text, const std::string& prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

struct RdmaPorts {
  bool efa = false, infiniband = false, ethernet = false;
};

// Each device's driver (device/driver -> .../efa) and its first port's link layer.
RdmaPorts scan(const std::filesystem::path& sysfs) {
  RdmaPorts out;
  std::error_code ec;
  for (const auto& dev : std::filesystem::directory_iterator(sysfs, ec)) {
    const std::filesystem::path driver =
        std::filesystem::read_symlink(dev.path() / "device" / "driver", ec);
    if (!ec && driver.filename() == "efa") {
      out.efa = true;
      continue;
    }
    ec.clear();
    const std::string layer = first_line(dev.path() / "ports" / "1" / "link_layer");
    if (layer == "InfiniBand") out.infiniband = true;
    if (layer == "Ethernet") out.ethernet = true;
  }
  return out;
}

std::string rdma_class(const RdmaPorts& p) {
  if (p.infiniband) return "infiniband";
  if (p.ethernet) return "roce";
  return "tcp";
}

}  // namespace

std::string nccl_fabric(const std::filesystem::path& sysfs, const char* nccl_net,
                        const char* nccl_ib_disable) {
  const RdmaPorts ports = scan(sysfs);
  const std::string net = nccl_net ? nccl_net : "";
  if (!net.empty()) {
    if (starts_with_ci(net, "socket")) return "tcp";
    if (starts_with_ci(net, "ib")) return rdma_class(ports);
    if (net.find("ibfabric") != std::string::npos || starts_with_ci(net, "ofi") ||
        starts_with_ci(net, "aws"))
      return "efa";
    return "unknown";  // another plugin: say so rather than guess
  }
  if (ports.efa) return "efa";
  const bool ib_disabled = nccl_ib_disable && std::string(nccl_ib_disable) == "1";
  return ib_disabled ? "tcp" : rdma_class(ports);
}

std::string nccl_run_fabric(int world_size, int local_size) {
  if (world_size <= local_size) return "intra_node";
  return nccl_fabric("/sys/class/infiniband", std::getenv("NCCL_NET"),
                     std::getenv("NCCL_IB_DISABLE"));
}

std::string tcp_fabric(const std::string& address) {
  return address.starts_with("127.") || address == "::1" ? "loopback" : "tcp";
}

}  // namespace hwprobe
