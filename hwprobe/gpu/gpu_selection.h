// Which GPUs a probe may use on this rank, and the skip reason when there are too few.
// Pure functions of the Environment, so the no-GPU path is tested on any machine.
#pragma once

#include <string>
#include <vector>

#include "hwprobe/harness/probe.h"

namespace hwprobe {

// Filter::no("no CUDA device: <why>") without CUDA or GPU, Filter::no(...) with fewer than
// `needed` devices, else yes. `what` names the probe's need, e.g. "peer copies".
Filter require_gpus(const Environment& env, int needed, const std::string& what);

// NCCL collectives: built with NCCL, a GPU, and two GPUs in this process or two MPI ranks.
Filter require_nccl(const Environment& env);

// The devices this process measures: all of them when alone; under MPI, one per rank on
// the node (local_rank), none for ranks beyond the node's GPU count, so ranks never share
// a GPU and never measure the same one twice.
std::vector<int> devices_for_rank(int gpu_count, int world_size, int local_rank);

}  // namespace hwprobe
