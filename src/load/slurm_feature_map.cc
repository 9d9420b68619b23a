#include "load/slurm_feature_map.h"

#include <cctype>

#include <fmt/format.h>

#include "core/ids.h"
#include "load/did_you_mean.h"
#include "load/map_reader.h"
#include "load/yaml_file.h"

namespace plainsight {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

template <class T>
void check_in(MapReader& r, const std::string& key, const std::string& id,
              const std::vector<T>& list, const char* what) {
  if (Catalog::find(list, id)) return;
  throw InputError(r.at_value(key),
                   fmt::format("unknown {} '{}'{}", what, id, did_you_mean(id, ids_of(list))));
}

}  // namespace

bool glob_match(const std::string& pattern, const std::string& text) {
  // Iterative matching with one backtrack point: linear in practice, never exponential.
  const std::string p = lower(pattern), t = lower(text);
  std::size_t i = 0, j = 0, star = std::string::npos, mark = 0;
  while (j < t.size()) {
    if (i < p.size() && p[i] == '*') {
      star = i++;
      mark = j;
    } else if (i < p.size() && p[i] == t[j]) {
      ++i, ++j;
    } else if (star != std::string::npos) {
      i = star + 1;
      j = ++mark;
    } else {
      return false;
    }
  }
  while (i < p.size() && p[i] == '*') ++i;
  return i == p.size();
}

std::string SlurmFeatureMap::gpu_of(const std::string& gres_type) const {
  for (const GpuType& g : gpu_types)
    if (glob_match(g.match, gres_type)) return g.gpu;
  return "";
}

SlurmFeatureMap load_slurm_feature_map(const std::filesystem::path& file, const Catalog& c) {
  YamlFile f = YamlFile::load(file);
  SlurmFeatureMap m;
  m.file = file.string();
  MapReader top(f, f.root(), "slurm feature map");
  top.allow({"gpu_types", "features"});
  if (YamlNode types = top.optional_node("gpu_types"))
    for (const YamlNode& n : sequence_of(f, types, "gpu_types")) {
      MapReader r(f, n, "gpu_types item");
      r.allow({"match", "gpu"});
      SlurmFeatureMap::GpuType g{r.name("match"), r.id("gpu")};
      check_in(r, "gpu", g.gpu, c.gpus, "gpu");
      m.gpu_types.push_back(std::move(g));
    }
  if (YamlNode features = top.optional_node("features")) {
    MapReader fr(f, features, "features");
    for (const std::string& name : fr.keys()) {
      MapReader r(f, fr.node(name), "feature '" + name + "'");
      r.allow({"offering", "gpu", "cpu_tee", "confidential_mode", "multi_gpu_mode"});
      SlurmFeatureMap::Feature x;
      x.where = fr.at_key(name);
      if (r.has("offering")) {
        check_in(r, "offering", x.offering = r.id("offering"), c.offerings, "offering");
        const Offering& o = *c.offering(x.offering);
        for (const char* key :
             {"gpu", "gpus_per_node", "cpu_tee", "confidential_mode", "multi_gpu_mode"})
          if (const OfferingAllows* a = o.allowed(key)) x.offering_defaults[key] = a->fallback;
      }
      if (r.has("gpu")) check_in(r, "gpu", x.gpu = r.id("gpu"), c.gpus, "gpu");
      if (r.has("cpu_tee"))
        check_in(r, "cpu_tee", x.cpu_tee = r.id("cpu_tee"), c.cpu_tees, "cpu_tee");
      if (r.has("confidential_mode")) x.confidential_mode = r.on_off_or("confidential_mode", false);
      if (r.has("multi_gpu_mode")) {
        x.multi_gpu_mode = r.str("multi_gpu_mode");
        if (x.multi_gpu_mode != "none" && x.multi_gpu_mode != "protected_pcie" &&
            x.multi_gpu_mode != "nvlink_encryption")
          throw InputError(r.at_value("multi_gpu_mode"),
                           fmt::format("multi_gpu_mode '{}': expected none, protected_pcie or "
                                       "nvlink_encryption",
                                       x.multi_gpu_mode));
      }
      if (r.keys().empty())
        throw InputError(x.where, fmt::format("feature '{}' sets nothing: give offering, gpu, "
                                              "cpu_tee, confidential_mode or multi_gpu_mode",
                                              name));
      if (!m.features.emplace(lower(name), std::move(x)).second)
        throw InputError(
            fr.at_key(name),
            fmt::format("feature '{}' is given twice (features match in any case)", name));
    }
  }
  return m;
}

}  // namespace plainsight
