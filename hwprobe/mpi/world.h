// The multi-process side of a probe run. Without MPI, or when the binary was not started
// by mpirun/srun, there is one rank and these calls do nothing.
#pragma once

#include <string>
#include <vector>

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

// What probes that measure between ranks need; without MPI each returns the single-rank
// answer. Rank and world size are not asked here: probes read them from their Context's
// Environment, which init() fills, so that one source says them.
// Root's bytes arrive at every rank.
std::string broadcast(const std::string& bytes, int root);
// Every rank's bytes, in rank order, at every rank.
std::vector<std::string> all_gather(const std::string& bytes);
// True on every rank only if every rank passed true: keeps ranks in step after local errors.
bool all_true(bool local);

// Whether the process environment says an MPI launcher (mpirun, srun) started it.
// PLAINSIGHT_NO_MPI=1 says no: each process then runs as a single rank.
bool launched_by_mpi_launcher();

}  // namespace hwprobe::mpi
