#include "load/slurm_classes.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/input_error.h"
#include "core/limits.h"
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
  std::string offering;          // "" for custom hardware
  std::set<std::string> stated;  // with an offering: the keys the node states itself
  auto tie() const { return std::tie(gpu, gpus, cpu_tee, cc, multi_gpu_mode, offering, stated); }
  bool operator<(const ClassKey& o) const { return tie() < o.tie(); }
};

struct ClassNodes {
  std::int64_t nodes = 0, down = 0, drained = 0, other_out = 0;
  int first_line = 0;  // of its first node in the inventory
  std::vector<std::string> examples;
  // Partitions, distinct; at most kPartitionsKept are held (a partition per node in a
  // million-node inventory would otherwise fill the scenario's comments and memory).
  std::set<std::string, std::less<>> partitions;
  bool more_partitions = false;
};

constexpr std::size_t kExamples = 3;
constexpr std::size_t kPartitionsKept = 1000;
// Combinations of Gres and features worked out once and kept: a cluster has a handful; an
// inventory whose every node has a feature of its own is worked out node by node past these.
constexpr std::size_t kPlacedKept = 4096;

// The features the map has no meaning for, as the note writes them: the first kMaxListed in
// order with how many nodes have each, and how many uses of the others. What is not written
// is counted, not held, so memory stays bounded whatever the variety (10 million nodes each
// with a feature of its own held them all: 4.6 GB).
class UnmappedFeatures {
 public:
  void add(const std::string& f) {
    ++uses_;
    if (auto it = first_.find(f); it != first_.end()) {
      ++it->second;
      return;
    }
    // The kept ones are the smallest seen so far: one past them never becomes one of them,
    // and one pushed out was larger than all of them, so each kept count is exact.
    if (first_.size() == kMaxListed) {
      if (f > first_.rbegin()->first) return;
      first_.erase(std::prev(first_.end()));
    }
    first_.emplace(f, 1);
  }
  bool empty() const { return uses_ == 0; }
  // "f0 (1), f1 (3) and more (999,980 uses of features not listed)"
  std::string phrase() const {
    std::vector<std::string> names;
    std::size_t listed_uses = 0;
    for (const auto& [f, count] : first_) {
      names.push_back(fmt::format("{} ({})", echo(f), count));
      listed_uses += count;
    }
    std::string out = listed(names);
    if (uses_ > listed_uses)
      out += fmt::format(" and more ({} use{} of features not listed)",
                         format_count(static_cast<double>(uses_ - listed_uses)),
                         uses_ - listed_uses == 1 ? "" : "s");
    return out;
  }

 private:
  std::map<std::string, std::size_t> first_;  // feature -> nodes
  std::size_t uses_ = 0;                      // of every unmapped feature, node by node
};

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

// A class key with the features the map has no meaning for, as found for one combination
// of Gres and features (a cluster has a handful; each is worked out once).
struct Placed {
  ClassKey key;
  std::vector<std::string> unmapped;
};

}  // namespace

struct SlurmClassBuilder::Impl {
  const SlurmFeatureMap& map;
  std::string file;
  bool available_only = false;
  std::map<ClassKey, ClassNodes> classes;
  std::vector<std::string> gpuless, unavailable;
  std::size_t n_nodes = 0, n_gpuless = 0, n_unavailable = 0;
  UnmappedFeatures unmapped;
  std::unordered_map<std::string, Placed> placed;  // Gres type, count and features -> class
  Placed one_off;                                  // one not kept (past kPlacedKept)
  std::string combo;                               // the lookup key, reused

  Placed place(const SlurmNode& node, const SourceLocation& at) const {
    Placed p;
    ClassKey& key = p.key;
    const GresGpus& gpus = node.gpus;
    key.gpus = gpus.count;
    std::string gpu_by, tee_by, cc_by, mode_by, offering_by;
    const std::map<std::string, std::string>* defaults = nullptr;
    if (!gpus.type.empty()) {
      key.gpu = map.gpu_of(gpus.type);
      if (!key.gpu.empty()) gpu_by = "Gres " + gpus.type;
    }
    std::string cc = key.cc ? "on" : "off";
    for (const std::string& f : slurm_list(node.features)) {
      auto it = map.features.find(lower(f));
      if (it == map.features.end()) {
        p.unmapped.push_back(f);
        continue;
      }
      const SlurmFeatureMap::Feature& x = it->second;
      set_once(key.offering, x.offering, "offering", offering_by, f, at, node.name);
      if (!x.offering.empty()) defaults = &x.offering_defaults;
      set_once(key.gpu, x.gpu, "gpu", gpu_by, f, at, node.name);
      set_once(key.cpu_tee, x.cpu_tee, "cpu_tee", tee_by, f, at, node.name);
      set_once(key.multi_gpu_mode, x.multi_gpu_mode, "multi_gpu_mode", mode_by, f, at, node.name);
      if (x.confidential_mode >= 0)
        set_once(cc, x.confidential_mode ? "on" : "off", "confidential_mode", cc_by, f, at,
                 node.name);
    }
    // What no Gres type or feature says, the node's offering does (a DGX H100 has no CPU TEE).
    if (defaults) {
      key.stated.insert("gpus_per_node");
      auto fill = [&](std::string& into, const std::string& by, const char* k) {
        if (!by.empty()) {
          key.stated.insert(k);
        } else if (auto d = defaults->find(k); d != defaults->end()) {
          into = d->second;
        }
      };
      fill(key.gpu, gpu_by, "gpu");
      fill(key.cpu_tee, tee_by, "cpu_tee");
      fill(cc, cc_by, "confidential_mode");
      fill(key.multi_gpu_mode, mode_by, "multi_gpu_mode");
    }
    key.cc = cc == "on";
    if (key.gpu.empty())
      throw InputError(at, fmt::format("node {}: no GPU model for Gres '{}'{}: add a gpu_types "
                                       "entry (or a feature with gpu:) to {}",
                                       node.name, echo(node.gres),
                                       gpus.type.empty() ? " (it names no type)" : "", map.file));
    return p;
  }
};

SlurmClassBuilder::SlurmClassBuilder(const SlurmFeatureMap& map, std::string file,
                                     bool available_only)
    : impl_(new Impl{map, std::move(file), available_only, {}, {}, {}, 0, 0, 0, {}, {}, {}, {}}) {}

SlurmClassBuilder::~SlurmClassBuilder() = default;

void SlurmClassBuilder::add(const SlurmNode& node) {
  Impl& m = *impl_;
  ++m.n_nodes;
  const SourceLocation at{m.file, node.line, 1};
  if (node.gpus.count == 0) {
    if (m.gpuless.size() < kExamples) m.gpuless.push_back(node.name);
    ++m.n_gpuless;
    return;
  }
  const bool out = slurm_unavailable(node.state);
  if (m.available_only && out) {
    if (m.unavailable.size() < kExamples) m.unavailable.push_back(node.name);
    ++m.n_unavailable;
    return;
  }
  m.combo.assign(node.gpus.type);
  m.combo += '\x1f';
  m.combo += std::to_string(node.gpus.count);
  m.combo += '\x1f';
  m.combo += node.features;
  const Placed* placed = nullptr;
  if (auto it = m.placed.find(m.combo); it != m.placed.end()) {
    placed = &it->second;
  } else if (m.placed.size() < kPlacedKept) {
    placed = &m.placed.emplace(m.combo, m.place(node, at)).first->second;
  } else {
    m.one_off = m.place(node, at);
    placed = &m.one_off;
  }
  const Placed& p = *placed;
  for (const std::string& f : p.unmapped) m.unmapped.add(f);
  ClassNodes& k = m.classes[p.key];
  if (k.nodes++ == 0) k.first_line = node.line;
  if (k.examples.size() < kExamples) k.examples.push_back(node.name);
  for (const std::string& part : slurm_list(node.partitions)) {
    if (k.partitions.count(part)) continue;
    if (k.partitions.size() < kPartitionsKept)
      k.partitions.insert(part);
    else
      k.more_partitions = true;
  }
  const std::string state = lower(node.state);
  if (state.find("down") != std::string::npos)
    ++k.down;
  else if (state.find("drain") != std::string::npos)
    ++k.drained;
  else if (out)
    ++k.other_out;
}

SlurmClasses SlurmClassBuilder::finish() const {
  const Impl& m = *impl_;
  SlurmClasses out;
  for (const auto& [key, k] : m.classes) {
    NodeClass c;
    c.id = fmt::format("{}x{}", key.gpu, key.gpus);
    c.name = fmt::format("{} x{}", key.gpu, key.gpus);
    if (key.cpu_tee != "none") c.id += "-" + key.cpu_tee, c.name += ", " + key.cpu_tee;
    if (key.cc) c.id += "-cc", c.name += ", CC on";
    if (key.multi_gpu_mode != "none")
      c.id += "-" + key.multi_gpu_mode, c.name += ", " + key.multi_gpu_mode;
    if (!key.offering.empty()) c.id += "-" + key.offering, c.name += " (" + key.offering + ")";
    c.offering = key.offering;
    c.stated = key.stated;
    c.nodes = k.nodes;
    c.from = {m.file, k.first_line, 1};
    c.platform.gpus_per_node = key.gpus;
    c.platform.gpu = key.gpu;
    c.platform.cpu_tee = key.cpu_tee;
    c.platform.confidential_mode = key.cc;
    c.platform.multi_gpu_mode = key.multi_gpu_mode;
    std::string partitions;
    if (!k.partitions.empty()) {
      partitions = fmt::format(
          ", partitions {}{}",
          listed(std::vector<std::string>(k.partitions.begin(), k.partitions.end())),
          k.more_partitions ? fmt::format(" (more than {} in all)", format_count(kPartitionsKept))
                            : "");
    }
    c.notes.push_back(fmt::format("{}: {} node{} ({}){}", c.id, format_count(k.nodes),
                                  k.nodes == 1 ? "" : "s", some(k.examples, k.nodes), partitions));
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
      fmt::format("From the Slurm inventory {}: {} node{} read, {} in {} class{} "
                  "(GPU model and count, and the features {} gives a meaning).",
                  m.file, format_count(static_cast<double>(m.n_nodes)), m.n_nodes == 1 ? "" : "s",
                  format_count(static_cast<double>(kept)), out.classes.size(),
                  out.classes.size() == 1 ? "" : "es", m.map.file));
  if (m.n_gpuless > 0)
    out.notes.push_back(fmt::format("{} node{} without GPUs left out ({}).", m.n_gpuless,
                                    m.n_gpuless == 1 ? "" : "s", some(m.gpuless, m.n_gpuless)));
  if (m.n_unavailable > 0)
    out.notes.push_back(fmt::format("{} node{} out of service left out (--available-only: {}).",
                                    m.n_unavailable, m.n_unavailable == 1 ? "" : "s",
                                    some(m.unavailable, m.n_unavailable)));
  if (!m.unmapped.empty())
    out.notes.push_back(
        fmt::format("Features with no meaning in the map, ignored: {}.", m.unmapped.phrase()));
  if (out.classes.empty())
    throw InputError({m.file}, "no node with GPUs to describe" +
                                   std::string(m.n_unavailable > 0 ? " (every GPU node is out of "
                                                                     "service; leave out "
                                                                     "--available-only)"
                                                                   : ""));
  return out;
}

SlurmClasses slurm_node_classes(const std::vector<SlurmNode>& nodes, const SlurmFeatureMap& map,
                                const std::string& file, bool available_only) {
  SlurmClassBuilder b(map, file, available_only);
  for (const SlurmNode& n : nodes) b.add(n);
  return b.finish();
}

}  // namespace plainsight
