// Which fabric a result crossed, as the analyzer's probe map names fabric classes
// (model/probe_map.yaml `fabrics`): every fabric and multi-node NCCL result carries it in
// `params.fabric`, so that it applies only to a stage on that fabric.
#pragma once

#include <filesystem>
#include <string>

namespace hwprobe {

// The fabric NCCL uses between nodes, inferred as NCCL picks its network: NCCL_NET when set
// ("Socket" -> "tcp", "IB" -> the RDMA ports' class, a Libfabric/OFI plugin -> "efa"),
// else EFA devices (the aws-ofi-nccl plugin) -> "efa", else RDMA ports with link layer
// InfiniBand -> "infiniband" or Ethernet -> "roce" unless NCCL_IB_DISABLE=1, else "tcp".
// `sysfs` is /sys/class/infiniband (a test passes its own tree); env values may be null.
std::string nccl_fabric(const std::filesystem::path& sysfs, const char* nccl_net,
                        const char* nccl_ib_disable);

// The fabric of this process's NCCL run: "intra_node" when every rank is on one node (NVLink
// or PCIe, not the fabric), else nccl_fabric() of this machine and environment.
std::string nccl_run_fabric(int world_size, int local_size);

// A TCP stream to a peer at `address` (IPv4 or IPv6): "loopback" for a loopback address (the
// peer runs on this host), else "tcp".
std::string tcp_fabric(const std::string& address);

}  // namespace hwprobe
