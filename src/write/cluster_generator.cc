#include "write/cluster_generator.h"

#include <algorithm>
#include <array>
#include <sstream>
#include <string_view>

#include <fmt/format.h>

#include "core/input_error.h"
#include "core/limits.h"
#include "core/printable.h"

namespace plainsight {
namespace {

// A YAML double-quoted string: names may hold ',', ':' or '#' (a Slurm class "h100 x8, CC on").
// Nothing from outside becomes YAML structure: a string with a line break or another
// invisible character (which YAML would take as the end of a line) cannot be written as
// it is, and is refused.
std::string quoted(const std::string& s) {
  if (!is_printable(s))
    throw InputError({"generate cluster"},
                     fmt::format("'{}' cannot be written into a scenario as it is (a control or "
                                 "invisible character)",
                                 echo(s)));
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "\"";
}

// Stage lines ("  - {id: a, ...}") with `place: ID` added to each.
std::string at_place(const std::string& lines, const std::string& place) {
  std::string out;
  out.reserve(lines.size() + 32 * 8);
  std::size_t from = 0;
  for (std::size_t nl = lines.find('\n'); nl != std::string::npos; nl = lines.find('\n', from)) {
    const std::string line = lines.substr(from, nl + 1 - from);
    const std::size_t comma = line.find(", name: ");
    out += comma == std::string::npos
               ? line
               : line.substr(0, comma) + ", place: " + place + line.substr(comma);
    from = nl + 1;
  }
  return out;
}

// What one node holds, written once for both forms. `p` is the id prefix of the node's
// stages ("" inside a group, "node-17." at the top level), `n` the prefix of their names.
struct NodeText {
  const ClusterSpec& c;
  const NodeClass& k;
  std::string indent;

  double shard_bytes() const { return c.parameters * 2 / k.platform.gpus_per_node; }

  void stages(std::string& y, const std::string& p, const std::string& n) const {
    y += fmt::format(
        "{0}- {{id: {1}fabric, name: {2}, link: {3}, payload: weights, resident: horizon}}\n"
        "{0}- {{id: {1}ckpt, name: {8}, medium: fs_cache, payload: checkpoint, shards: {4}, "
        "duration: 2s, events: {{every: {5}}}}}\n"
        "{0}- {{id: {1}staging, name: {9}, link: {6}, payload: weights, resident: horizon, "
        "duration: from_link, decrypts: true, events: {{count: {7}}}}}\n"
        "{0}- {{id: {1}nvlink, name: {10}, medium: nvlink, payload: weights, resident: "
        "horizon}}\n",
        indent, p, quoted(n + "Fabric"), c.fabric_link, c.nodes(), quoted(c.checkpoint_every),
        c.staging_link, c.model_loads, quoted(n + "Checkpoint buffers"), quoted(n + "Staging"),
        quoted(n + "NVLink"));
  }
  // The GPU's link to its CPU: PCIe, or NVLink-C2C beside Grace or Vera.
  bool c2c() const { return c.cpu_gpu_medium == "nvlink_c2c"; }
  const char* host_link_id() const { return c2c() ? "c2c" : "pcie"; }
  // The per-GPU stages: once with a count (grouped), or once per GPU (expanded: gpu >= 0).
  void gpu_stages(std::string& y, const std::string& p, const std::string& n, int gpu) const {
    const std::string suffix =
        gpu < 0 || k.platform.gpus_per_node == 1 ? "" : fmt::format("-{}", gpu);
    const std::string count = gpu < 0 && k.platform.gpus_per_node > 1
                                  ? fmt::format(", count: {}", k.platform.gpus_per_node)
                                  : std::string();
    const std::string gpu_name = n + (gpu < 0 ? "GPU" : fmt::format("GPU {}", gpu));
    const std::string link_name = c2c() ? " NVLink-C2C" : " PCIe";
    y += fmt::format(
        "{0}- {{id: {1}{9}{2}, name: {3}, link: {5}, payload: {6:.0f}{7}, duration: from_link, "
        "events: {{count: {8}}}}}\n"
        "{0}- {{id: {1}hbm{2}, name: {4}, medium: hbm, payload: {6:.0f}{7}, resident: horizon}}\n",
        indent, p, suffix, quoted(gpu_name + link_name), quoted(gpu_name + " HBM"), c.pcie_link,
        shard_bytes(), count, c.model_loads, host_link_id());
  }
  // Flows of one node; `store` is the object store's id as seen from where they are written.
  void flows(std::string& y, const std::string& p, int gpu) const {
    if (gpu <= 0)
      y += fmt::format(
          "{0}- {{from: {1}fabric, to: {1}ckpt}}\n{0}- {{from: {1}ckpt, to: store}}\n"
          "{0}- {{from: store, to: {1}staging, encrypt: {{custody: {2}, scheme: KMS envelope}}}}\n",
          indent, p, c.onprem ? "in_house_kms" : c.key_custody);
    const std::string suffix =
        gpu < 0 || k.platform.gpus_per_node == 1 ? "" : fmt::format("-{}", gpu);
    y += fmt::format(
        "{0}- {{from: {1}staging, to: {1}{3}{2}}}\n{0}- {{from: {1}{3}{2}, to: {1}hbm{2}}}\n"
        "{0}- {{from: {1}hbm{2}, to: {1}nvlink}}\n",
        indent, p, suffix, host_link_id());
  }
};

// A comment line: whatever a note holds (a file name with a newline, CR, NEL or U+2028)
// stays inside the comment, its invisible characters written <U+XXXX>.
std::string comment(const std::string& indent, const std::string& note) {
  return indent + "# " + printable(note) + "\n";
}

// The keys in which a class differs from the scenario's platform (the first class's), or with
// an offering the keys it states itself: what a group states of its own, and pins. A class
// that states any key states its GPUs per node too, so that its count never rests on what a
// stated `gpu:` falls back to. Empty when there are none.
std::string own_keys(const NodeClass& k, const NodeClass& base) {
  auto on_off = [](bool on) { return std::string(on ? "on" : "off"); };
  const std::array<std::array<std::string, 3>, 5> keys{{
      {"gpu", k.platform.gpu, base.platform.gpu},
      {"gpus_per_node", std::to_string(k.platform.gpus_per_node),
       std::to_string(base.platform.gpus_per_node)},
      {"cpu_tee", k.platform.cpu_tee, base.platform.cpu_tee},
      {"confidential_mode", on_off(k.platform.confidential_mode),
       on_off(base.platform.confidential_mode)},
      {"multi_gpu_mode", k.platform.multi_gpu_mode, base.platform.multi_gpu_mode},
  }};
  auto own = [&](const std::array<std::string, 3>& x) {
    return k.offering.empty() ? x[1] != x[2] : k.stated.count(x[0]) > 0;
  };
  if (std::none_of(keys.begin(), keys.end(), own)) return "";
  std::string out;
  for (const auto& x : keys)
    if (own(x) || x[0] == "gpus_per_node")
      out += fmt::format("{}{}: {}", out.empty() ? "" : ", ", x[0], x[1]);
  return "{" + out + "}";
}

// What a node class says about its place: its offering, and the platform keys it states of
// its own.
std::string class_place(const NodeClass& k, const NodeClass& base, const std::string& indent) {
  std::string y;
  if (!k.offering.empty()) y += indent + "offering: " + k.offering + "\n";
  if (const std::string own = own_keys(k, base); !own.empty())
    y += indent + "platform: " + own + "\n";
  return y;
}

// Everything before the stages: comments, name, asset, the platform (the first class's; a
// group of another class says where it differs) and the place of the store.
std::string header(const ClusterSpec& c, const char* form) {
  const NodeClass& first = c.classes.front();
  std::string gpus;
  for (const NodeClass& k : c.classes) {
    gpus += fmt::format("{}{} x {} {}", gpus.empty() ? "" : " + ", k.nodes,
                        k.platform.gpus_per_node, k.platform.gpu);
  }
  std::string y =
      comment("", fmt::format("Generated by `plainsight generate cluster`, {} form{}: {}.", form,
                              c.onprem ? ", on-prem" : "", gpus));
  for (const std::string& note : c.notes) y += comment("", note);
  // The name is one line of at most kMaxNameChars: past a few classes it counts them.
  std::string name = fmt::format("Generated cluster ({})", gpus);
  if (name.size() > kMaxNameChars)
    name = fmt::format("Generated cluster ({} classes of nodes, {} nodes)", c.classes.size(),
                       c.nodes());
  y += fmt::format(
      "name: {}\n"
      "description: >-\n"
      "  Data-parallel training across nodes, tensor-parallel within a node; checkpoints every\n"
      "  {} into {}, {} model loads per node.\n"
      "horizon: {}\n"
      "asset:\n  name: generated\n  parameters: {:g}\n  bytes_per_parameter: 2\n"
      "  optimizer_bytes_per_parameter: 12\n"
      "platform:\n  gpu: {}\n  gpus_per_node: {}\n  nodes: {}\n  cpu_tee: {}\n"
      "  confidential_mode: {}\n  multi_gpu_mode: {}\n  key_custody: {}\n",
      quoted(name), printable(c.checkpoint_every),
      c.onprem ? "our storage servers" : "object storage", c.model_loads, quoted(c.horizon),
      c.parameters, first.platform.gpu, first.platform.gpus_per_node, c.nodes(),
      first.platform.cpu_tee, first.platform.confidential_mode ? "on" : "off",
      first.platform.multi_gpu_mode, c.onprem ? "in_house_kms" : c.key_custody);
  if (c.onprem)
    y += "places:\n  - id: storage\n    name: Storage servers (shared file system)\n"
         "    kind: storage_server\n    platform: {gpu: none, key_custody: in_house_kms}\n";
  else
    y += fmt::format(
        "places:\n  - id: storage\n    name: Object storage\n    kind: managed_service\n"
        "    offering: {}\n    platform: {{key_custody: {}}}\n",
        c.storage_offering, c.key_custody);
  return y;
}

// The store of checkpoints, at its place.
std::string store_stage(const ClusterSpec& c) {
  return c.onprem ? fmt::format(
                        "  - {{id: store, place: storage, name: Checkpoint files, link: {}, "
                        "payload: checkpoint, resident: horizon}}\n",
                        c.onprem_storage_link)
                  : fmt::format(
                        "  - {{id: store, place: storage, name: Object storage, link: {}, "
                        "payload: checkpoint, resident: horizon}}\n",
                        c.storage_link);
}

}  // namespace

std::string cluster_scenario_yaml(const ClusterSpec& c) {
  std::string y = header(c, "grouped");
  y += "stages:\n" + store_stage(c) + "groups:\n";
  for (const NodeClass& k : c.classes) {
    NodeText t{c, k, "      "};
    for (const std::string& note : k.notes) y += comment("  ", note);
    y += fmt::format("  - id: {}\n    name: {}\n    count: {}\n", k.id, quoted(k.name), k.nodes);
    y += class_place(k, c.classes.front(), "    ");
    y += "    stages:\n";
    t.stages(y, "", "");
    t.gpu_stages(y, "", "", -1);
    y += "    flows:\n";
    t.flows(y, "", -1);
  }
  return y;
}

std::string cluster_group_at_line(const std::string& yaml, int line) {
  std::string group;
  bool in_groups = false;
  std::size_t from = 0;
  for (int n = 1; n <= line && from < yaml.size(); ++n) {
    std::size_t nl = yaml.find('\n', from);
    if (nl == std::string::npos) nl = yaml.size();
    const std::string_view text(yaml.data() + from, nl - from);
    if (text == "groups:") in_groups = true;
    constexpr std::string_view kGroup = "  - id: ";
    if (in_groups && text.starts_with(kGroup)) group = text.substr(kGroup.size());
    from = nl + 1;
  }
  return group;
}

std::string expanded_cluster_scenario_yaml(const ClusterSpec& c) {
  std::ostringstream out;
  write_expanded_cluster_scenario(out, c);
  return std::move(out).str();
}

void write_expanded_cluster_scenario(std::ostream& out, const ClusterSpec& c) {
  out << header(c, "expanded");
  std::string y;  // one node at a time
  if (c.classes.size() == 1) {
    // Each node a place of its own, then its stages at it, then the flows, as one pipeline:
    // the places and the flows are written in passes of their own rather than held.
    const NodeClass& k = c.classes.front();
    NodeText t{c, k, "  "};
    for (std::int64_t n = 0; n < k.nodes; ++n) {
      y = fmt::format("  - id: {}-{}\n    name: {}\n", k.id, n,
                      quoted(fmt::format("{} {}", k.name, n)));
      y += class_place(k, k, "    ");
      out << y;
    }
    out << "stages:\n" << store_stage(c);
    for (std::int64_t n = 0; n < k.nodes; ++n) {
      const std::string p = fmt::format("{}-{}.", k.id, n);
      const std::string name = fmt::format("{} {} ", k.name, n);
      y.clear();
      t.stages(y, p, name);
      for (int g = 0; g < k.platform.gpus_per_node; ++g) t.gpu_stages(y, p, name, g);
      out << at_place(y, fmt::format("{}-{}", k.id, n));
    }
    out << "flows:\n";
    for (std::int64_t n = 0; n < k.nodes; ++n) {
      const std::string p = fmt::format("{}-{}.", k.id, n);
      y.clear();
      for (int g = 0; g < k.platform.gpus_per_node; ++g) t.flows(y, p, g);
      out << y;
    }
    return;
  }
  // Several classes: each node a group of its own, which carries its class's platform.
  out << "stages:\n" << store_stage(c) << "groups:\n";
  for (const NodeClass& k : c.classes) {
    NodeText t{c, k, "      "};
    for (const std::string& note : k.notes) out << comment("  ", note);
    for (std::int64_t n = 0; n < k.nodes; ++n) {
      y = fmt::format("  - id: {}-{}\n    name: {}\n", k.id, n,
                      quoted(fmt::format("{} {}", k.name, n)));
      y += class_place(k, c.classes.front(), "    ");
      y += "    stages:\n";
      t.stages(y, "", "");
      for (int g = 0; g < k.platform.gpus_per_node; ++g) t.gpu_stages(y, "", "", g);
      y += "    flows:\n";
      for (int g = 0; g < k.platform.gpus_per_node; ++g) t.flows(y, "", g);
      out << y;
    }
  }
}

double expanded_cluster_stages(const ClusterSpec& c) {
  double n = 1;
  for (const NodeClass& k : c.classes)
    n += static_cast<double>(k.nodes) * (4 + 2.0 * k.platform.gpus_per_node);
  return n;
}

double expanded_cluster_bytes(const ClusterSpec& c) {
  // Counted by writing it to a stream that keeps nothing; a cluster whose rough size (above
  // 300 bytes per node and 300 per GPU, whatever the ids) is already far past any limit is
  // not written out to be counted.
  double rough = 0;
  for (const NodeClass& k : c.classes)
    rough += static_cast<double>(k.nodes) * (300 + 300.0 * k.platform.gpus_per_node);
  if (rough > 1e9) return rough;
  struct Counter : std::streambuf {
    double bytes = 0;
    int_type overflow(int_type ch) override {
      ++bytes;
      return ch;
    }
    std::streamsize xsputn(const char*, std::streamsize n) override {
      bytes += static_cast<double>(n);
      return n;
    }
  } counter;
  std::ostream out(&counter);
  write_expanded_cluster_scenario(out, c);
  return counter.bytes;
}

}  // namespace plainsight
