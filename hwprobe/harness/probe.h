// The probe interface: a named measurement with a filter() saying whether it can run
// here, modelled on nvbandwidth's test cases. Every probe, host, CUDA, NCCL or fabric,
// implements this and registers in hwprobe/registry.cc.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hwprobe {

// What the machine offers, detected once before probes are filtered.
struct Environment {
  int cpu_cores = 1;
  int gpu_count = 0;            // CUDA devices visible; 0 without GPU or driver
  std::string gpu_unavailable;  // why gpu_count is 0, e.g. "cudaGetDeviceCount: error 35 (...)"
  bool cuda_compiled = false;   // built with the CUDA toolkit
  bool nccl_compiled = false;   // built with NCCL
  bool mpi_compiled = false;    // built with MPI
  int rank = 0;                 // MPI rank, 0 when not under MPI
  int world_size = 1;           // MPI world size, 1 when not under MPI
  int local_rank = 0;           // rank among the processes on this node (selects the GPU)
  int local_size = 1;           // processes on this node
  // This node's confidential-computing state as NVML reported it, read once before the
  // probes run (labels of gpu/cc_state.h). Probes read it here, never from NVML themselves,
  // so that a test's fake NVML reaches them.
  std::string gpu_cc = "unknown";              // on, off, devtools, protected_pcie, unknown
  std::string gpu_multi_gpu_mode = "unknown";  // none, protected_pcie, nvlink_encryption, unknown
};

// Options from the command line that every probe honours.
struct RunOptions {
  std::vector<std::uint64_t> sizes;  // --sizes; empty: the probe's default sweep
  int trials = 0;                    // --trials; 0: the probe's default
  int warmups = 2;
  int threads = 0;                  // --threads; 0: the probe's default thread sweep
  std::filesystem::path dir = ".";  // --dir: where file-writing probes write
  // --max-bytes: what one point of a host probe holds, all its buffers across its threads
  // together (sweep_choice.h); a GPU probe's buffers and any file, each.
  std::uint64_t max_bytes = 1ull << 30;
  bool quick = false;  // --quick: fewer sizes and trials
};

// The answer of Probe::filter(): can it run here, and if not, why.
struct Filter {
  bool runnable = true;
  std::string reason;
  static Filter yes() { return {}; }
  static Filter no(std::string why) { return {false, std::move(why)}; }
};

// A probe failure: reported, and the run goes on with the next probe (exit code 3 at end).
class ProbeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What a running probe writes into; the harness owns statistics, JSON and clean-up.
class Context {
 public:
  virtual ~Context() = default;
  virtual const RunOptions& options() const = 0;
  virtual const Environment& environment() const = 0;
  // One result row: params must hold "bytes" (the bytes one timed sample moves) and may
  // hold "threads", "mode", "phase" and anything else; samples are seconds.
  virtual void record(nlohmann::json params, std::vector<double> samples_s) = 0;
  // Files the probe creates: removed on success, failure and SIGINT/SIGTERM.
  virtual void track_file(const std::filesystem::path& path) = 0;
  virtual void untrack_file(const std::filesystem::path& path) = 0;
  // True once SIGINT/SIGTERM arrived; long loops check it and throw ProbeError.
  virtual bool cancelled() const = 0;
  // Progress for the stderr bar: done out of total steps of this probe.
  virtual void progress(std::size_t done, std::size_t total) = 0;
};

// Throws ProbeError once a stop was requested (SIGINT/SIGTERM): called before a point is set
// up and inside set-up loops, so that a stop never waits for buffers, keys and threads the
// run will not use.
inline void stop_if_cancelled(const Context& ctx) {
  if (ctx.cancelled()) throw ProbeError("cancelled");
}

class Probe {
 public:
  virtual ~Probe() = default;
  virtual std::string key() const = 0;    // "host.aes_gcm"
  virtual std::string suite() const = 0;  // "host", "cuda", "nccl", "fabric"
  virtual std::string description() const = 0;
  virtual Filter filter(const Environment& env) const = 0;
  virtual void run(Context& ctx) = 0;  // throws ProbeError on failure
};

}  // namespace hwprobe
