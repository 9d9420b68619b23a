#include "load/measurement_consistency.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/input_error.h"

namespace plainsight {
namespace {

bool known(const std::string& v) { return !v.empty() && v != "unknown"; }

// Names compared as NVML and CUDA print them, ignoring case and runs of spaces.
std::string folded(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

void check_consistent(const MeasurementFile& f) {
  for (const ProbeResult& r : f.results) {
    const MachineIdentity& m = f.machine_of(r);
    const std::string machine = r.rank >= 0 && static_cast<std::size_t>(r.rank) < f.machines.size()
                                    ? fmt::format("machines[{}]", r.rank)
                                    : std::string("machine");
    const struct {
      const char* param;
      const std::string& recorded;
      const char* field;
    } pairs[] = {{"cc", m.cc, "cc"}, {"cc_multi_gpu", m.multi_gpu_mode, "multi_gpu_mode"}};
    // The GPU a result names must be one of the GPUs its machine lists: an H100 result from
    // a machine of H200s is a forged or merged file, not an H100 measurement.
    const std::string gpu = r.param("gpu");
    if (!gpu.empty() && !m.gpus.empty() &&
        std::none_of(m.gpus.begin(), m.gpus.end(),
                     [&](const std::string& g) { return folded(g) == folded(gpu); }))
      throw InputError({f.path}, fmt::format("results[{}].params.gpu: \"{}\" is none of the GPUs "
                                             "{}.gpu.gpus lists ({}): the file contradicts itself",
                                             r.index, gpu, machine, fmt::join(m.gpus, ", ")));
    for (const auto& p : pairs) {
      const std::string v = r.param(p.param);
      if (known(v) && known(p.recorded) && v != p.recorded)
        throw InputError({f.path}, fmt::format("results[{}].params.{}: \"{}\" contradicts "
                                               "{}.gpu.confidential_computing.{} \"{}\": the file "
                                               "contradicts itself (one NVML reading stamps both)",
                                               r.index, p.param, v, machine, p.field, p.recorded));
    }
  }
}

}  // namespace plainsight
