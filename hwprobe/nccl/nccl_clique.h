// The NCCL communicators this process drives: one per local GPU when alone
// (ncclCommInitAll), or one per MPI rank, its GPU picked by node-local rank, with the
// unique id broadcast from rank 0 over MPI (ncclCommInitRank). Each member has its
// stream; the probe launches on every member inside one NCCL group.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <cuda_runtime_api.h>
#include <nccl.h>

namespace hwprobe::nccl {

struct Member {
  int device = 0;
  int rank = 0;  // rank in the communicator
  ncclComm_t comm = nullptr;
  cudaStream_t stream = nullptr;
};

class Clique {
 public:
  // Single process over `devices`.
  static std::unique_ptr<Clique> local(const std::vector<int>& devices);
  // One member per MPI rank on `device`; every rank must call it, each with its own rank
  // and the world size (its Context's Environment).
  static std::unique_ptr<Clique> across_ranks(int device, int rank, int world_size);
  ~Clique();
  Clique(const Clique&) = delete;
  Clique& operator=(const Clique&) = delete;

  std::vector<Member>& members() { return members_; }
  int ranks() const { return ranks_; }  // size of the communicator
  void synchronize();                   // every member's stream

 private:
  Clique() = default;
  std::vector<Member> members_;
  int ranks_ = 0;
};

// Throws ProbeError naming the call and NCCL's reason.
void check(ncclResult_t rc, const char* what, ncclComm_t comm = nullptr);

}  // namespace hwprobe::nccl
