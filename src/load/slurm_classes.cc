#include "load/slurm_classes.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/input_error.h"
#include "core/printable.h"
#include "core/quantity.h"

namespace plainsight {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "gpu001, gpu002, gpu003 and 9 more"
std::string some(const std::vector<std::string>& names, std::size_t total) {
  std::string out = fmt::format("{}", fmt::join(names, ", "));
  if (total > names.size()) out += fmt::format(" and {} more", format_count(total - names.size()));
  return out;
}

struct ClassKey {
  std::string gpu;
  int gpus = 0;
  std::string cpu_tee = "none";
  bool cc = false;
  std::string multi_gpu_mode = "none";
  auto tie() const { return std::tie(gpu, gpus, cpu_tee, cc, multi_gpu_mode); }
  bool operator<(const ClassKey& o) const { return tie() < o.tie(); }
};

struct ClassNodes {
  std::int64_t nodes = 0, down = 0, drained = 0, other_out = 0;
  std::vector<std::string> examples;
  std::set<std::string> partitions;
};

constexpr std::size_t kExamples = 3;

// Sets `into` to `value` unless a feature already set it to something else.
void set_once(std::string& into, const std::string& value, const std::string& key,
              std::string& set_by, const std::string& feature, const SourceLocation& at,
              const std::string& node) {
  if (value.empty()) return;
  if (!set_by.empty() && into != value)
    throw InputError(at, fmt::format("node {}: features '{}' and '{}' disagree on {} ('{}' and "
                                     "'{}')",
                                     node, set_by, feature, key, into, value));
  into = value;
  set_by = feature;
}

}  // namespace

SlurmClasses slurm_node_classes(const std::vector<SlurmNode>& nodes, const SlurmFeatureMap& map,
                                const std::string& file, bool available_only) {
  std::map<ClassKey, ClassNodes> classes;
  std::vector<std::string> gpuless, unavailable;
  std::size_t n_gpuless = 0, n_unavailable = 0;
  std::map<std::string, std::size_t> unmapped;  // feature -> nodes
  for (const SlurmNode& node : nodes) {
    const SourceLocation at{file, node.line, 1};
    GresGpus gpus;
    try {
      gpus = gres_gpus(node.gres);
    } catch (const std::invalid_argument& e) {
      throw InputError(at, fmt::format("node {}: {}", node.name, e.what()));
    }
    if (gpus.count == 0) {
      if (gpuless.size() < kExamples) gpuless.push_back(node.name);
      ++n_gpuless;
      continue;
    }
    const bool out = slurm_unavailable(node.state);
    if (available_only && out) {
      if (unavailable.size() < kExamples) unavailable.push_back(node.name);
      ++n_unavailable;
      continue;
    }
    ClassKey key;
    key.gpus = gpus.count;
    std::string gpu_by, tee_by, cc_by, mode_by;
    if (!gpus.type.empty()) {
      key.gpu = map.gpu_of(gpus.type);
      if (!key.gpu.empty()) gpu_by = "Gres " + gpus.type;
    }
    std::string cc = key.cc ? "on" : "off";
    for (const std::string& f : node.features) {
      auto it = map.features.find(lower(f));
      if (it == map.features.end()) {
        ++unmapped[f];
        continue;
      }
      const SlurmFeatureMap::Feature& x = it->second;
      set_once(key.gpu, x.gpu, "gpu", gpu_by, f, at, node.name);
      set_once(key.cpu_tee, x.cpu_tee, "cpu_tee", tee_by, f, at, node.name);
      set_once(key.multi_gpu_mode, x.multi_gpu_mode, "multi_gpu_mode", mode_by, f, at, node.name);
      if (x.confidential_mode >= 0)
        set_once(cc, x.confidential_mode ? "on" : "off", "confidential_mode", cc_by, f, at,
                 node.name);
    }
    key.cc = cc == "on";
    if (key.gpu.empty())
      throw InputError(at, fmt::format("node {}: no GPU model for Gres '{}'{}: add a gpu_types "
                                       "entry (or a feature with gpu:) to {}",
                                       node.name, echo(node.gres),
                                       gpus.type.empty() ? " (it names no type)" : "", map.file));
    ClassNodes& k = classes[key];
    ++k.nodes;
    if (k.examples.size() < kExamples) k.examples.push_back(node.name);
    for (const std::string& p : node.partitions) k.partitions.insert(p);
    const std::string state = lower(node.state);
    if (state.find("down") != std::string::npos)
      ++k.down;
    else if (state.find("drain") != std::string::npos)
      ++k.drained;
    else if (out)
      ++k.other_out;
  }
  SlurmClasses out;
  for (const auto& [key, k] : classes) {
    NodeClass c;
    c.id = fmt::format("{}x{}", key.gpu, key.gpus);
    c.name = fmt::format("{} x{}", key.gpu, key.gpus);
    if (key.cpu_tee != "none") c.id += "-" + key.cpu_tee, c.name += ", " + key.cpu_tee;
    if (key.cc) c.id += "-cc", c.name += ", CC on";
    if (key.multi_gpu_mode != "none")
      c.id += "-" + key.multi_gpu_mode, c.name += ", " + key.multi_gpu_mode;
    c.nodes = k.nodes;
    c.gpus_per_node = key.gpus;
    c.gpu = key.gpu;
    c.cpu_tee = key.cpu_tee;
    c.confidential_mode = key.cc;
    c.multi_gpu_mode = key.multi_gpu_mode;
    c.notes.push_back(fmt::format(
        "{}: {} node{} ({}){}", c.id, format_count(k.nodes), k.nodes == 1 ? "" : "s",
        some(k.examples, k.nodes),
        k.partitions.empty() ? "" : fmt::format(", partitions {}", fmt::join(k.partitions, ", "))));
    if (k.down + k.drained + k.other_out > 0)
      c.notes.push_back(fmt::format(
          "  of which {} down, {} drained, {} otherwise out of service: counted, as out of service "
          "is not out of the cluster (a draining node finishes its jobs, a down one keeps its "
          "disks); --available-only leaves them out",
          k.down, k.drained, k.other_out));
    out.classes.push_back(std::move(c));
  }
  std::stable_sort(out.classes.begin(), out.classes.end(),
                   [](const NodeClass& a, const NodeClass& b) { return a.nodes > b.nodes; });
  std::int64_t kept = 0;
  for (const NodeClass& c : out.classes) kept += c.nodes;
  out.notes.push_back(
      fmt::format("From the Slurm inventory {}: {} nodes read, {} in {} class{} "
                  "(GPU model and count, and the features {} gives a meaning).",
                  file, format_count(static_cast<double>(nodes.size())),
                  format_count(static_cast<double>(kept)), out.classes.size(),
                  out.classes.size() == 1 ? "" : "es", map.file));
  if (n_gpuless > 0)
    out.notes.push_back(fmt::format("{} node{} without GPUs left out ({}).", n_gpuless,
                                    n_gpuless == 1 ? "" : "s", some(gpuless, n_gpuless)));
  if (n_unavailable > 0)
    out.notes.push_back(fmt::format("{} node{} out of service left out (--available-only: {}).",
                                    n_unavailable, n_unavailable == 1 ? "" : "s",
                                    some(unavailable, n_unavailable)));
  if (!unmapped.empty()) {
    std::vector<std::string> names;
    for (const auto& [f, count] : unmapped) names.push_back(fmt::format("{} ({})", echo(f), count));
    out.notes.push_back(
        fmt::format("Features with no meaning in the map, ignored: {}.", listed(names)));
  }
  if (out.classes.empty())
    throw InputError({file}, "no node with GPUs to describe" +
                                 std::string(n_unavailable > 0 ? " (every GPU node is out of "
                                                                 "service; leave out "
                                                                 "--available-only)"
                                                               : ""));
  return out;
}

}  // namespace plainsight
