#include "hwprobe/mpi/world.h"

#include <cstdlib>
#include <string>

#ifdef PLAINSIGHT_HAVE_MPI
#include <mpi.h>
#endif

namespace hwprobe::mpi {
namespace {

// Filled by init() for the calls below; probes read rank and size from their Environment,
// which init() fills from the same values. The single-rank defaults hold without MPI.
struct State {
  bool active = false;
  int rank = 0;
  int size = 1;
  int local_rank = 0;
  int local_size = 1;
};
State state;

}  // namespace

bool launched_by_mpi_launcher() {
  // tools/probe-cluster runs node-local suites under srun with MPI off on purpose.
  if (const char* off = std::getenv("PLAINSIGHT_NO_MPI");
      off != nullptr && *off != '\0' && std::string(off) != "0") {
    return false;
  }
  // Open MPI's mpirun, PMI/PMIx launchers (MPICH, srun --mpi=pmix) and a Slurm job step.
  // SLURM_JOB_ID alone is not enough: a batch script runs outside any step.
  for (const char* name :
       {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", "PMI_RANK", "SLURM_STEP_NUM_TASKS"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

#ifdef PLAINSIGHT_HAVE_MPI

void init(int* argc, char*** argv, Environment& env) {
  env.mpi_compiled = true;
  env.rank = 0;  // the single-rank answer unless MPI says otherwise below
  env.world_size = 1;
  env.local_rank = 0;
  env.local_size = 1;
  int initialised = 0;
  MPI_Initialized(&initialised);
  if (!initialised) {
    if (!launched_by_mpi_launcher()) return;
    int provided = 0;
    // Probes call MPI from the main thread only; server threads never touch it.
    MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided);
  }
  state.active = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &state.rank);
  MPI_Comm_size(MPI_COMM_WORLD, &state.size);
  MPI_Comm node;
  MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, state.rank, MPI_INFO_NULL, &node);
  MPI_Comm_rank(node, &state.local_rank);
  MPI_Comm_size(node, &state.local_size);
  MPI_Comm_free(&node);
  env.rank = state.rank;
  env.world_size = state.size;
  env.local_rank = state.local_rank;
  env.local_size = state.local_size;
}

std::vector<std::string> all_gather(const std::string& bytes) {
  if (!state.active) return {bytes};
  int length = static_cast<int>(bytes.size());
  std::vector<int> lengths(state.size);
  MPI_Allgather(&length, 1, MPI_INT, lengths.data(), 1, MPI_INT, MPI_COMM_WORLD);
  std::vector<int> offsets(state.size, 0);
  for (int i = 1; i < state.size; ++i) offsets[i] = offsets[i - 1] + lengths[i - 1];
  std::string all(static_cast<std::size_t>(offsets.back() + lengths.back()), '\0');
  MPI_Allgatherv(bytes.data(), length, MPI_CHAR, all.data(), lengths.data(), offsets.data(),
                 MPI_CHAR, MPI_COMM_WORLD);
  std::vector<std::string> out;
  for (int i = 0; i < state.size; ++i) out.push_back(all.substr(offsets[i], lengths[i]));
  return out;
}

nlohmann::json gather_to_root(const nlohmann::json& local) {
  if (!state.active) return nlohmann::json::array({local});
  const std::string text = local.dump();
  int length = static_cast<int>(text.size());
  std::vector<int> lengths(state.rank == 0 ? state.size : 0);
  MPI_Gather(&length, 1, MPI_INT, lengths.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  std::vector<int> offsets(lengths.size(), 0);
  for (std::size_t i = 1; i < lengths.size(); ++i) offsets[i] = offsets[i - 1] + lengths[i - 1];
  std::string all;
  if (state.rank == 0) all.resize(static_cast<std::size_t>(offsets.back() + lengths.back()));
  MPI_Gatherv(text.data(), length, MPI_CHAR, all.data(), lengths.data(), offsets.data(), MPI_CHAR,
              0, MPI_COMM_WORLD);
  if (state.rank != 0) return nullptr;
  auto out = nlohmann::json::array();
  for (int i = 0; i < state.size; ++i) {
    out.push_back(nlohmann::json::parse(all.substr(offsets[i], lengths[i])));
  }
  return out;
}

std::string broadcast(const std::string& bytes, int root) {
  if (!state.active) return bytes;
  int length = static_cast<int>(bytes.size());
  MPI_Bcast(&length, 1, MPI_INT, root, MPI_COMM_WORLD);
  std::string out = state.rank == root ? bytes : std::string(length, '\0');
  MPI_Bcast(out.data(), length, MPI_CHAR, root, MPI_COMM_WORLD);
  return out;
}

bool all_true(bool local) {
  if (!state.active) return local;
  int mine = local ? 1 : 0;
  int all = 0;
  MPI_Allreduce(&mine, &all, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
  return all == 1;
}

void barrier() {
  if (state.active) MPI_Barrier(MPI_COMM_WORLD);
}

void finalize() {
  if (!state.active) return;
  int finalized = 0;
  MPI_Finalized(&finalized);
  if (!finalized) MPI_Finalize();
  state.active = false;
}

#else  // without MPI every call is the single-rank answer

void init(int*, char***, Environment& env) {
  env.mpi_compiled = false;
  env.rank = 0;
  env.world_size = 1;
  env.local_rank = 0;
  env.local_size = 1;
}
std::vector<std::string> all_gather(const std::string& bytes) { return {bytes}; }
nlohmann::json gather_to_root(const nlohmann::json& local) {
  return nlohmann::json::array({local});
}
std::string broadcast(const std::string& bytes, int) { return bytes; }
bool all_true(bool local) { return local; }
void barrier() {}
void finalize() {}

#endif

}  // namespace hwprobe::mpi
