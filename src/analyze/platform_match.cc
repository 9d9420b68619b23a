#include "analyze/platform_match.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace plainsight {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

std::string attribute(const Attributes& a, const std::string& key, const std::string& fallback) {
  auto it = a.find(key);
  return it == a.end() ? fallback : it->second;
}

bool unknown(const std::string& v) { return v.empty() || v == "unknown"; }

void gpu_facet(const Catalog& c, const MeasurementFile& f, const ProbeResult& r,
               const WantedPlatform& w, PlatformMatch& m) {
  std::string name = r.param("gpu");
  if (name.empty() && !f.machine_of(r).gpus.empty()) name = f.machine_of(r).gpus.front();
  std::string id;
  // A model name as a word of the device name: "NVIDIA H200" is an H200, "NVIDIA GH200
  // 480GB" (Grace Hopper) is not.
  auto names = [&](const std::string& model) {
    for (std::size_t at = name.find(model); at != std::string::npos;
         at = name.find(model, at + 1)) {
      const std::size_t end = at + model.size();
      if ((at == 0 || !std::isalnum(static_cast<unsigned char>(name[at - 1]))) &&
          (end == name.size() || !std::isalpha(static_cast<unsigned char>(name[end]))))
        return true;
    }
    return false;
  };
  for (const GpuModel& g : c.probe_map.gpu_models)
    if (!name.empty() && names(g.match)) {
      id = g.gpu;
      break;
    }
  const std::string want = attribute(*w.attributes, "gpu", "none");
  if (!id.empty() && id == want) return;
  const PlatformOption* g = Catalog::find(c.gpus, id);
  const std::string gen =
      g && g->attributes.count("generation") ? g->attributes.at("generation") : "";
  const std::string want_gen = attribute(*w.attributes, "gpu.generation", "none");
  const std::string what = id.empty()
                               ? fmt::format("on '{}', a GPU the probe map does not know", name)
                               : fmt::format("on {} ({}, {})", name, id, gen);
  m.mismatches.push_back(
      {PlatformFacet::gpu,
       fmt::format("was measured {}; the scenario runs {} ({})", what, want, want_gen),
       fmt::format("measured {}, applied to {} by --allow-mismatch", what, want),
       !gen.empty() && gen == want_gen ? 1 : 2});
}

// The multi-GPU mode a result was measured in: its params', else its machine's.
std::string result_multi_gpu_mode(const MeasurementFile& f, const ProbeResult& r) {
  std::string mode = r.param("cc_multi_gpu");
  if (unknown(mode)) mode = f.machine_of(r).multi_gpu_mode;
  // A result labelled cc=protected_pcie says its mode even where nothing else records it: it
  // must match a protected-PCIe scenario only, never a bounce-buffer one.
  if (unknown(mode) &&
      (r.param("cc") == "protected_pcie" || f.machine_of(r).cc == "protected_pcie"))
    mode = "protected_pcie";
  return mode;
}

void cc_facet(const ProbeCandidate& c, const MeasurementFile& f, const ProbeResult& r,
              const WantedPlatform& w, PlatformMatch& m) {
  std::string v = r.param(c.cc_param);
  if (v.empty() && c.depends_on_facet(PlatformFacet::gpu)) v = f.machine_of(r).cc;
  // As NVML and nvidia-smi say it ("CC State: OFF", "Multi-GPU Mode: Protected PCIe"), which
  // files written before the probes labelled such a node themselves carry: the same node.
  if (v == "off" && c.depends_on_facet(PlatformFacet::gpu) &&
      result_multi_gpu_mode(f, r) == "protected_pcie") {
    v = "protected_pcie";
    m.notes.push_back("recorded as CC off in multi-GPU mode protected PCIe: a protected-PCIe node");
  }
  const std::string state = contains(c.cc_on, v) ? "on" : contains(c.cc_off, v) ? "off" : "";
  if (state.empty()) {
    m.unusable = fmt::format("has confidential-computing state '{}', neither on nor off",
                             v.empty() ? "" : v);
    return;
  }
  const std::string want = w.cc_on ? "on" : "off";
  if (state == want) return;
  m.mismatches.push_back(
      {PlatformFacet::cc,
       fmt::format("was measured with CC {}; the scenario runs CC {}", state, want),
       fmt::format("measured with CC {}, applied to CC {} by --allow-mismatch", state, want), 1});
}

void multi_gpu_facet(const MeasurementFile& f, const ProbeResult& r, const WantedPlatform& w,
                     PlatformMatch& m) {
  const std::string mode = result_multi_gpu_mode(f, r);
  // Without confidential mode there is no multi-GPU CC mode, whatever the scenario says.
  const std::string want = w.cc_on ? attribute(*w.attributes, "multi_gpu_mode", "none") : "none";
  if (unknown(mode)) {
    // Drivers without nvmlSystemGetConfComputeSettings predate the multi-GPU modes.
    if (want == "none") {
      m.notes.push_back("multi-GPU mode not recorded, taken as none");
      return;
    }
    m.mismatches.push_back(
        {PlatformFacet::multi_gpu_mode,
         fmt::format("does not record its multi-GPU mode; the scenario runs {}", want),
         fmt::format("multi-GPU mode not recorded, applied to {} by --allow-mismatch", want), 1});
    return;
  }
  if (mode == want) return;
  m.mismatches.push_back(
      {PlatformFacet::multi_gpu_mode,
       fmt::format("was measured in multi-GPU mode {}; the scenario runs {}", mode, want),
       fmt::format("measured in multi-GPU mode {}, applied to {} by --allow-mismatch", mode, want),
       1});
}

// The fabric or storage class of the stage's link, or a mismatch saying why there is none.
const PlatformClass* stage_class(const std::vector<PlatformClass>& classes, PlatformFacet facet,
                                 const WantedPlatform& w, PlatformMatch& m) {
  const PlatformClass* k = ProbeMap::class_of_link(classes, w.stage->link);
  if (!k)
    m.mismatches.push_back(
        {facet,
         w.stage->link.empty()
             ? fmt::format("the stage names no link, so its {} is unknown", to_string(facet))
             : fmt::format("the stage's link '{}' is in no {} class of the probe map",
                           w.stage->link, to_string(facet)),
         fmt::format("applied to a stage of unknown {} by --allow-mismatch", to_string(facet)), 1});
  return k;
}

void fabric_facet(const Catalog& c, const ProbeResult& r, const WantedPlatform& w,
                  PlatformMatch& m) {
  const PlatformClass* want = stage_class(c.probe_map.fabrics, PlatformFacet::fabric, w, m);
  if (!want) return;
  const std::string got = r.param("fabric");
  if (got == want->id) return;
  m.mismatches.push_back(
      {PlatformFacet::fabric,
       got.empty()
           ? fmt::format("does not say which fabric it crossed; the stage runs on {}", want->name)
           : fmt::format("crossed {}; the stage runs on {} ({})", got, want->name, want->id),
       fmt::format("measured on {}, applied to {} by --allow-mismatch",
                   got.empty() ? "an unnamed fabric" : got, want->id),
       1});
}

void storage_facet(const Catalog& c, const MeasurementFile& f, const ProbeResult& r,
                   const WantedPlatform& w, PlatformMatch& m) {
  const PlatformClass* want =
      stage_class(c.probe_map.storage_classes, PlatformFacet::storage, w, m);
  if (!want) return;
  const std::string fs = f.machine_of(r).filesystem;
  const PlatformClass* got = c.probe_map.storage_of_filesystem(fs);
  if (got == want) return;
  const std::string what = fs.empty() ? std::string("an unnamed file system")
                           : got      ? fmt::format("{} ({})", fs, got->name)
                                      : fmt::format("{}, in no storage class of the probe map", fs);
  m.mismatches.push_back(
      {PlatformFacet::storage,
       fmt::format("was written to {}; the stage's {} is {}", what, w.stage->link, want->name),
       fmt::format("written to {}, applied to {} by --allow-mismatch", fs.empty() ? "?" : fs,
                   want->id),
       1});
}

}  // namespace

PlatformMatch match_platform(const Catalog& c, const ProbeCandidate& cand, const MeasurementFile& f,
                             const ProbeResult& r, const WantedPlatform& w) {
  PlatformMatch m;
  for (PlatformFacet facet : cand.depends_on) {
    switch (facet) {
      case PlatformFacet::gpu:
        gpu_facet(c, f, r, w, m);
        break;
      case PlatformFacet::cc:
        cc_facet(cand, f, r, w, m);
        break;
      case PlatformFacet::multi_gpu_mode:
        multi_gpu_facet(f, r, w, m);
        break;
      case PlatformFacet::fabric:
        fabric_facet(c, r, w, m);
        break;
      case PlatformFacet::storage:
        storage_facet(c, f, r, w, m);
        break;
    }
    if (!m.unusable.empty()) return m;
  }
  return m;
}

}  // namespace plainsight
