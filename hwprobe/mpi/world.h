// The multi-process side of a probe run. Without MPI, or when the binary was not started
// by mpirun/srun, there is one rank and these calls do nothing.
#pragma once

#include <nlohmann/json.hpp>

#include "hwprobe/harness/probe.h"

namespace hwprobe::mpi {

// Initialises MPI only when launched under an MPI launcher; sets env.rank/world_size.
void init(int* argc, char*** argv, Environment& env);
// Every rank passes its document; rank 0 gets the array of all ranks' documents in rank
// order, other ranks get null.
nlohmann::json gather_to_root(const nlohmann::json& local);
void barrier();
void finalize();

}  // namespace hwprobe::mpi
