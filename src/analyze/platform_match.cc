#include "analyze/platform_match.h"

#include <algorithm>
#include <cctype>

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
  FacetMismatch x;
  x.facet = PlatformFacet::gpu;
  x.measured = name;
  x.measured_class = id;
  x.measured_generation =
      g && g->attributes.count("generation") ? g->attributes.at("generation") : "";
  x.wanted = want;
  x.wanted_generation = attribute(*w.attributes, "gpu.generation", "none");
  x.distance =
      !x.measured_generation.empty() && x.measured_generation == x.wanted_generation ? 1 : 2;
  m.mismatches.push_back(std::move(x));
}

FacetMismatch differs(PlatformFacet facet, std::string measured, std::string wanted) {
  FacetMismatch x;
  x.facet = facet;
  x.measured = std::move(measured);
  x.wanted = std::move(wanted);
  return x;
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
    m.notes.push_back(MatchNote::protected_pcie_recorded_as_cc_off);
  }
  const std::string state = contains(c.cc_on, v) ? "on" : contains(c.cc_off, v) ? "off" : "";
  if (state.empty()) {
    m.unknown_cc_state = v;
    return;
  }
  const std::string want = w.cc_on ? "on" : "off";
  if (state != want) m.mismatches.push_back(differs(PlatformFacet::cc, state, want));
}

void multi_gpu_facet(const MeasurementFile& f, const ProbeResult& r, const WantedPlatform& w,
                     PlatformMatch& m) {
  const std::string mode = result_multi_gpu_mode(f, r);
  // Without confidential mode there is no multi-GPU CC mode, whatever the scenario says.
  const std::string want = w.cc_on ? attribute(*w.attributes, "multi_gpu_mode", "none") : "none";
  if (unknown(mode)) {
    // Drivers without nvmlSystemGetConfComputeSettings predate the multi-GPU modes.
    if (want == "none") {
      m.notes.push_back(MatchNote::multi_gpu_mode_taken_as_none);
      return;
    }
    m.mismatches.push_back(differs(PlatformFacet::multi_gpu_mode, "", want));
    return;
  }
  if (mode != want) m.mismatches.push_back(differs(PlatformFacet::multi_gpu_mode, mode, want));
}

// The fabric or storage class of the stage's link, or a mismatch saying there is none.
const PlatformClass* stage_class(const std::vector<PlatformClass>& classes, PlatformFacet facet,
                                 const WantedPlatform& w, PlatformMatch& m) {
  const PlatformClass* k = ProbeMap::class_of_link(classes, w.stage->link);
  if (!k) {
    FacetMismatch x = differs(facet, "", "");
    x.link = w.stage->link;
    x.link_unclassified = true;
    m.mismatches.push_back(std::move(x));
  }
  return k;
}

void fabric_facet(const Catalog& c, const ProbeResult& r, const WantedPlatform& w,
                  PlatformMatch& m) {
  const PlatformClass* want = stage_class(c.probe_map.fabrics, PlatformFacet::fabric, w, m);
  if (!want) return;
  const std::string got = r.param("fabric");
  if (got == want->id) return;
  FacetMismatch x = differs(PlatformFacet::fabric, got, want->id);
  x.wanted_name = want->name;
  for (const std::string& s : c.probe_map.same_node_fabrics) x.same_node |= s == got;
  x.link = w.stage->link;
  m.mismatches.push_back(std::move(x));
}

void storage_facet(const Catalog& c, const MeasurementFile& f, const ProbeResult& r,
                   const WantedPlatform& w, PlatformMatch& m) {
  const PlatformClass* want =
      stage_class(c.probe_map.storage_classes, PlatformFacet::storage, w, m);
  if (!want) return;
  const std::string fs = f.machine_of(r).filesystem;
  const PlatformClass* got = c.probe_map.storage_of_filesystem(fs);
  if (got == want) return;
  FacetMismatch x = differs(PlatformFacet::storage, fs, want->id);
  x.measured_class = got ? got->name : "";
  x.wanted_name = want->name;
  x.link = w.stage->link;
  m.mismatches.push_back(std::move(x));
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
    if (m.unknown_cc_state) return m;
  }
  return m;
}

}  // namespace plainsight
