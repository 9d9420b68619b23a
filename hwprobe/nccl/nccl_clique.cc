#include "hwprobe/nccl/nccl_clique.h"

#include <cstring>

#include "hwprobe/cuda/cuda_resources.h"
#include "hwprobe/harness/probe.h"
#include "hwprobe/mpi/world.h"

namespace hwprobe::nccl {

void check(ncclResult_t rc, const char* what, ncclComm_t comm) {
  if (rc == ncclSuccess) return;
  std::string text = std::string(what) + ": " + ncclGetErrorString(rc);
  if (comm != nullptr) {
    if (const char* last = ncclGetLastError(comm); last != nullptr && *last != '\0') {
      text += std::string(" (") + last + ")";
    }
  }
  throw ProbeError(text);
}

std::unique_ptr<Clique> Clique::local(const std::vector<int>& devices) {
  std::unique_ptr<Clique> clique(new Clique());
  std::vector<ncclComm_t> comms(devices.size());
  check(ncclCommInitAll(comms.data(), static_cast<int>(devices.size()), devices.data()),
        "ncclCommInitAll");
  clique->ranks_ = static_cast<int>(devices.size());
  for (std::size_t i = 0; i < devices.size(); ++i) {
    clique->members_.push_back({devices[i], static_cast<int>(i), comms[i], nullptr});
  }
  for (Member& m : clique->members_) {
    cuda::check(cudaSetDevice(m.device), "cudaSetDevice");
    cuda::check(cudaStreamCreateWithFlags(&m.stream, cudaStreamNonBlocking), "cudaStreamCreate");
  }
  return clique;
}

std::unique_ptr<Clique> Clique::across_ranks(int device, int rank, int world_size) {
  std::unique_ptr<Clique> clique(new Clique());
  clique->ranks_ = world_size;
  ncclUniqueId id{};
  if (rank == 0) check(ncclGetUniqueId(&id), "ncclGetUniqueId");
  const std::string shared =
      mpi::broadcast(std::string(reinterpret_cast<const char*>(&id), sizeof id), 0);
  std::memcpy(&id, shared.data(), sizeof id);
  cuda::check(cudaSetDevice(device), "cudaSetDevice");
  Member m{device, rank, nullptr, nullptr};
  check(ncclCommInitRank(&m.comm, clique->ranks_, id, m.rank), "ncclCommInitRank");
  clique->members_.push_back(m);
  cuda::check(cudaStreamCreateWithFlags(&clique->members_.back().stream, cudaStreamNonBlocking),
              "cudaStreamCreate");
  return clique;
}

Clique::~Clique() {
  for (Member& m : members_) {
    cudaSetDevice(m.device);
    if (m.stream != nullptr) cudaStreamSynchronize(m.stream);
    if (m.comm != nullptr) ncclCommDestroy(m.comm);
    if (m.stream != nullptr) cudaStreamDestroy(m.stream);
  }
}

void Clique::synchronize() {
  for (Member& m : members_) {
    cuda::check(cudaSetDevice(m.device), "cudaSetDevice");
    cuda::check(cudaStreamSynchronize(m.stream), "cudaStreamSynchronize");
  }
}

}  // namespace hwprobe::nccl
