#include "load/measurement_consistency.h"

#include <fmt/format.h>

#include "core/input_error.h"

namespace plainsight {
namespace {

bool known(const std::string& v) { return !v.empty() && v != "unknown"; }

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
