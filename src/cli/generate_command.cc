// plainsight generate cluster: writes a cluster scenario, grouped (one group per class of
// identical nodes) or expanded per node, GPU and link; from options or a Slurm inventory.
#include <algorithm>
#include <cmath>
#include <tuple>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/output.h"
#include "core/ids.h"
#include "core/limits.h"
#include "core/on_off.h"
#include "core/printable.h"
#include "core/quantity.h"
#include "load/catalog_loader.h"
#include "load/did_you_mean.h"
#include "load/platform_validity.h"
#include "load/scenario_loader.h"
#include "load/scenario_places.h"
#include "load/slurm_classes.h"
#include "load/slurm_nodes.h"
#include "load/yaml_file.h"
#include "write/cluster_generator.h"

namespace plainsight::cli {

namespace {

const SourceLocation kWhere{"generate cluster", 0, 0};

// A class in messages: the options for one made from them, the nodes for an imported one.
std::string class_label(const ClusterSpec& spec, const NodeClass& k) {
  if (spec.classes.size() == 1 && k.notes.empty()) return "the options";
  return fmt::format("class '{}' ({})", k.id, k.notes.empty() ? k.name : k.notes.front());
}

// Everything the options describe, checked against the catalog before anything is written:
// known ids of the right kind, plausible numbers, a platform the vendor supports for every
// class (model/platform_rules.yaml), a shard that fits its GPU's HBM.
void check_spec(const Catalog& c, const ClusterSpec& spec, bool expand) {
  auto known = [&](const std::string& id, const auto& list, const char* option) {
    if (!Catalog::find(list, id))
      throw InputError(kWhere, fmt::format("--{} '{}' is not in the catalog{}", option, echo(id),
                                           did_you_mean(id, ids_of(list))));
  };
  auto link = [&](const std::string& id, const char* option, const char* medium) {
    known(id, c.links, option);
    if (c.link(id)->medium != medium)
      throw InputError(kWhere, fmt::format("--{} '{}' is a {} link; expected one of medium {} "
                                           "(plainsight catalog links)",
                                           option, id, c.link(id)->medium, medium));
  };
  known(spec.key_custody, c.key_custodies, "key-custody");
  link(spec.fabric_link, "fabric-link", "fabric");
  if (c.link(spec.pcie_link) && c.link(spec.pcie_link)->medium == "nvlink_c2c")
    link(spec.pcie_link, "pcie-link", "nvlink_c2c");  // the CPU-GPU link beside Grace or Vera
  else
    link(spec.pcie_link, "pcie-link", "pcie");
  if (spec.onprem) {
    link(spec.onprem_storage_link, "storage-link", "shared_fs");
  } else {
    link(spec.storage_link, "storage-link", "object_store");
    known(spec.storage_offering, c.offerings, "storage-offering");
  }
  link(spec.staging_link, "staging-link", "local_nvme");
  if (!std::isfinite(spec.parameters) || spec.parameters < 1 || spec.parameters > 1e15)
    throw InputError(
        kWhere, fmt::format("--parameters {}: expected a number from 1 to 1e15", spec.parameters));
  auto duration = [&](const std::string& text, const char* option) {
    QuantityError err;
    const double d = parse_duration(text, &err);
    if (std::isnan(d)) throw InputError(kWhere, fmt::format("--{}: {}", option, err.message));
    if (const std::string why = implausible(QuantityKind::duration, d); !why.empty())
      throw InputError(kWhere, fmt::format("--{} {}: {}", option, echo(text), why));
    return d;
  };
  const double horizon = duration(spec.horizon, "horizon");
  if (horizon < kMinHorizonSeconds)
    throw InputError(kWhere, fmt::format("--horizon {}: a horizon must be at least {}",
                                         spec.horizon, format_duration(kMinHorizonSeconds)));
  const double every = duration(spec.checkpoint_every, "checkpoint-every");
  if (every > horizon || horizon / every > kMaxEvents)
    throw InputError(kWhere, fmt::format("--checkpoint-every {}: expected a period within the "
                                         "horizon {} and at most {:g} checkpoints over it",
                                         spec.checkpoint_every, spec.horizon, kMaxEvents));
  if (spec.nodes() > kMaxCount)
    throw InputError(kWhere, fmt::format("{} nodes; the limit is {}", spec.nodes(), kMaxCount));
  for (const NodeClass& k : spec.classes) {
    known(k.platform.gpu, c.gpus, "gpu");
    known(k.platform.cpu_tee, c.cpu_tees, "cpu-tee");
    if (k.platform.multi_gpu_mode != "none" && k.platform.multi_gpu_mode != "protected_pcie" &&
        k.platform.multi_gpu_mode != "nvlink_encryption")
      throw InputError(kWhere, fmt::format("--multi-gpu-mode '{}': expected none, protected_pcie "
                                           "or nvlink_encryption",
                                           echo(k.platform.multi_gpu_mode)));
    Platform p = k.platform;
    p.key_custody = spec.key_custody;
    if (const PlatformRefusal* r = platform_refusal(c, p))
      throw InputError(kWhere, fmt::format("{}: {}", class_label(spec, k), refusal_message(c, *r)));
    // What the class's offering can run: checked as the scenario will check its place.
    if (!k.offering.empty()) {
      known(k.offering, c.offerings, "offering");
      Place place;
      place.offering = k.offering;
      place.platform = p;
      place.where = kWhere;
      check_place_platform(c, place, class_label(spec, k));
    }
    const PlatformOption* gpu = Catalog::find(c.gpus, k.platform.gpu);
    if (auto cap = gpu->figures.find("hbm_capacity"); cap != gpu->figures.end()) {
      const double shard = spec.parameters * 2 / k.platform.gpus_per_node;
      if (shard > cap->second.figure.value * (1 + 1e-9))
        throw InputError(
            kWhere,
            fmt::format("{}: {:g} parameters over {} GPU{} put {} in each GPU's HBM, "
                        "more than the {} of an {} ({}); use more GPUs per node, "
                        "fewer parameters or a larger GPU",
                        class_label(spec, k), spec.parameters, k.platform.gpus_per_node,
                        k.platform.gpus_per_node == 1 ? "" : "s", format_bytes(shard),
                        format_bytes(cap->second.figure.value), gpu->name, cap->second.source.id));
    }
  }
  if (!expand) return;
  if (const double bytes = expanded_cluster_bytes(spec); bytes > static_cast<double>(kMaxYamlBytes))
    throw InputError(
        kWhere,
        fmt::format("--expand would write {} stages in {}{} bytes, more than the {} a scenario "
                    "file may have (analyze could not read it); leave out --expand: the grouped "
                    "form describes a cluster of any size in a few kilobytes",
                    format_count(expanded_cluster_stages(spec)), bytes > 1e9 ? "over " : "",
                    format_count(bytes), format_count(static_cast<double>(kMaxYamlBytes))));
}

// What reading back the scenario about to be written refused (check_spec should have said it
// first), about what it came from: the class's inventory line, else the command; never the
// line of a text that is not written.
InputError refused_on_reading_back(const InputError& e, const std::string& grouped,
                                   const ClusterSpec& spec, const std::string& output) {
  const std::string id = cluster_group_at_line(grouped, e.where().line);
  const auto k = std::find_if(spec.classes.begin(), spec.classes.end(),
                              [&](const NodeClass& c) { return c.id == id; });
  const std::string why = fmt::format(
      "the generated scenario would not load (analyze refuses it), so nothing is written to {}: "
      "{}",
      output.empty() ? "stdout" : "'" + echo(output) + "'", e.message());
  const SourceLocation& inventory = spec.classes.front().from;
  if (k == spec.classes.end())
    return InputError(inventory.file.empty() ? kWhere : SourceLocation{inventory.file, 0, 0}, why);
  return InputError(k->from.file.empty() ? kWhere : k->from,
                    fmt::format("{}: {}", class_label(spec, *k), why));
}

// What `generate cluster` reads from its command line. The options whose presence matters
// are kept: an offering fills in what they leave unsaid.
struct GenerateOptions {
  ClusterSpec spec;
  std::string output;
  std::string cc = "off";
  std::string slurm;
  std::string slurm_map;
  bool available_only = false;
  bool expand = false;
  CLI::Option *per_node = nullptr, *gpu = nullptr, *cc_opt = nullptr, *tee = nullptr,
              *mode = nullptr;
  CLI::Option *fabric_link = nullptr, *pcie_link = nullptr, *storage_link = nullptr,
              *staging_link = nullptr;
};

// The nodes: one class from options, or the classes of a Slurm inventory.
void add_node_options(CLI::App& cmd, GenerateOptions& o) {
  NodeClass& one = o.spec.classes.front();
  CLI::Option* nodes = cmd.add_option("--nodes", one.nodes, "Nodes (default 16)")
                           ->check(CLI::Range(std::int64_t{1}, std::int64_t{kMaxCount}));
  o.per_node =
      cmd.add_option("--gpus-per-node", one.platform.gpus_per_node, "GPUs per node (default 8)")
          ->check(CLI::Range(1, 1024));
  o.gpu = cmd.add_option("--gpu", one.platform.gpu, "Catalog GPU id (default h100)");
  // The switch words of a scenario (core/on_off.h), written back as on or off.
  o.cc_opt = cmd.add_option("--cc", o.cc, "GPU confidential mode: on or off")
                 ->transform(CLI::Validator(
                     [](std::string& v) -> std::string {
                       bool on = false;
                       if (!parse_on_off(v, &on)) return "expected on or off";
                       v = on ? "on" : "off";
                       return "";
                     },
                     "on|off"));
  o.tee = cmd.add_option("--cpu-tee", one.platform.cpu_tee, "Catalog CPU TEE id (default none)");
  o.mode = cmd.add_option("--multi-gpu-mode", one.platform.multi_gpu_mode,
                          "none, protected_pcie or nvlink_encryption");
  CLI::Option* offering =
      cmd.add_option("--offering", one.offering,
                     "Catalog offering the nodes run on (plainsight catalog offerings): aws_p5, "
                     "dgx_h100, ...; its defaults fill the GPU, GPUs per node and CPU TEE not "
                     "given");
  // Where checkpoints are kept (listed here, beside the offering, in --help).
  cmd.add_flag("--onprem", o.spec.onprem,
               "Checkpoints on our own storage servers (a shared file system, "
               "--storage-link lustre_onprem by default) under our own key service, no object "
               "store");
  cmd.add_option("--storage-offering", o.spec.storage_offering,
                 "Catalog offering of the object store (default aws_s3)");
  CLI::Option* from =
      cmd.add_option("--from-slurm", o.slurm,
                     "Read the classes of nodes from FILE, the output of `scontrol show node -o`")
          ->check(non_empty());
  cmd.add_option("--slurm-map", o.slurm_map,
                 "What Slurm GPU types and features mean (default: model/slurm_features.yaml)")
      ->check(non_empty())
      ->needs(from);
  cmd.add_flag("--available-only", o.available_only,
               "With --from-slurm: leave out nodes that are down, drained, failed or powered "
               "off (counted by default)")
      ->needs(from);
  for (CLI::Option* x : {nodes, o.per_node, o.gpu, o.cc_opt, o.tee, o.mode, offering})
    x->excludes(from);
}

// What the nodes share: storage, keys, the model, the workload's rhythm, the links.
void add_cluster_options(CLI::App& cmd, GenerateOptions& o) {
  ClusterSpec& spec = o.spec;
  cmd.add_option("--key-custody", spec.key_custody, "Catalog key custody id");
  cmd.add_option("--parameters", spec.parameters, "Model parameters (default 70e9)")
      ->check(CLI::Range(1.0, 1e15));
  cmd.add_option("--horizon", spec.horizon, "Horizon (default 30d)");
  cmd.add_option("--checkpoint-every", spec.checkpoint_every, "Checkpoint period (default 2h)");
  cmd.add_option("--model-loads", spec.model_loads, "Model loads per node (default 30)")
      ->check(CLI::Range(1, 1000000));
  o.fabric_link = cmd.add_option("--fabric-link", spec.fabric_link,
                                 "Catalog fabric link id (default efa_p5, or the offering's)");
  o.pcie_link =
      cmd.add_option("--pcie-link", spec.pcie_link, "Catalog PCIe link id (or the offering's)");
  o.storage_link =
      cmd.add_option("--storage-link", spec.storage_link,
                     "Catalog object-store id (default s3_sse_kms); with --onprem a shared file "
                     "system (default lustre_onprem)");
  o.staging_link =
      cmd.add_option("--staging-link", spec.staging_link,
                     "Catalog local NVMe id (default nitro_nvme_p5, or the offering's)");
  cmd.add_flag("--expand", o.expand,
               "Write every node, GPU and link as a stage of its own (the per-stage form)");
  cmd.add_option("-o,--output", o.output, "Write to FILE (atomically) instead of stdout")
      ->check(non_empty());
}

// An offering's links, where the options name none. Beside Grace and Vera the GPU's link to
// the CPU is NVLink-C2C, not PCIe.
void take_links(const Offering& offering, GenerateOptions& o) {
  for (auto [opt, medium, link] : {std::tuple{o.fabric_link, "fabric", &o.spec.fabric_link},
                                   std::tuple{o.pcie_link, "pcie", &o.spec.pcie_link},
                                   std::tuple{o.pcie_link, "nvlink_c2c", &o.spec.pcie_link},
                                   std::tuple{o.staging_link, "local_nvme", &o.spec.staging_link}})
    if (opt->count() == 0 && offering.links.count(medium)) *link = offering.links.at(medium);
  if (offering.provider.empty()) o.spec.onprem_hardware = true;
}

// The classes of a Slurm inventory, read through the feature map (--slurm-map or the
// catalog's).
void read_slurm_classes(const Catalog& catalog, const Globals& globals, GenerateOptions& o) {
  const std::filesystem::path map_file =
      !o.slurm_map.empty()
          ? std::filesystem::path(o.slurm_map)
          : (globals.model_dir.empty() ? default_model_dir()
                                       : std::filesystem::path(globals.model_dir)) /
                "slurm_features.yaml";
  SlurmFeatureMap map = load_slurm_feature_map(map_file, catalog);
  if (o.slurm_map.empty()) map.file = "model/slurm_features.yaml (the default)";
  // Read a node at a time: an inventory may be a gigabyte.
  SlurmClassBuilder builder(map, o.slurm, o.available_only);
  for_each_slurm_node(std::filesystem::path(o.slurm), [&](const SlurmNode& n) { builder.add(n); });
  SlurmClasses classes = builder.finish();
  o.spec.classes = std::move(classes.classes);
  o.spec.notes = std::move(classes.notes);
  // The links are the cluster's, not a class's: an offering's where every class is one.
  const std::string& first = o.spec.classes.front().offering;
  if (const Offering* offering = catalog.offering(first);
      offering && std::all_of(o.spec.classes.begin(), o.spec.classes.end(),
                              [&](const NodeClass& k) { return k.offering == first; }))
    take_links(*offering, o);
}

// The class the options describe: an offering's defaults for what they leave unsaid; what
// they say, the class states itself.
void class_from_options(const Catalog& catalog, GenerateOptions& o) {
  NodeClass& k = o.spec.classes.front();
  k.platform.confidential_mode = o.cc == "on";
  const Offering* offering = catalog.offering(k.offering);
  if (!offering) return;
  auto fill = [&](CLI::Option* opt, const char* key, auto set) {
    if (opt->count() > 0) {
      k.stated.insert(key);
    } else if (const OfferingAllows* a = offering->allowed(key)) {
      set(a->fallback);
    }
  };
  fill(o.gpu, "gpu", [&](const std::string& v) { k.platform.gpu = v; });
  fill(o.per_node, "gpus_per_node",
       [&](const std::string& v) { k.platform.gpus_per_node = std::stoi(v); });
  fill(o.tee, "cpu_tee", [&](const std::string& v) { k.platform.cpu_tee = v; });
  fill(o.mode, "multi_gpu_mode", [&](const std::string& v) { k.platform.multi_gpu_mode = v; });
  fill(o.cc_opt, "confidential_mode",
       [&](const std::string& v) { k.platform.confidential_mode = v == "on"; });
  take_links(*offering, o);
}

void generate(const Globals& globals, GenerateOptions& o) {
  const Catalog catalog = load_catalog_for(globals);
  ClusterSpec& spec = o.spec;
  if (spec.onprem && o.storage_link->count() > 0) spec.onprem_storage_link = spec.storage_link;
  if (!o.slurm.empty())
    read_slurm_classes(catalog, globals, o);
  else
    class_from_options(catalog, o);
  // Hardware we run is not a cloud's: no Nitro under its disks or on its fabric unless the
  // options say so.
  if (spec.onprem || spec.onprem_hardware) {
    if (o.fabric_link->count() == 0 && spec.fabric_link == "efa_p5") spec.fabric_link = "ib_ndr";
    if (o.staging_link->count() == 0 && spec.staging_link == "nitro_nvme_p5")
      spec.staging_link = "nvme_gen4";
  }
  if (const Link* l = catalog.link(spec.pcie_link)) spec.cpu_gpu_medium = l->medium;
  check_spec(catalog, spec, o.expand);
  // The grouped form is a few kilobytes a class whatever the nodes: read it back as
  // `analyze` will, so that nothing is written that does not load.
  const std::string grouped = cluster_scenario_yaml(spec);
  if (grouped.size() > kMaxYamlBytes)
    throw InputError(
        kWhere, fmt::format("{} classes of nodes make a scenario of {} bytes, more "
                            "than the {} a scenario file may have (analyze could "
                            "not read it)",
                            spec.classes.size(), format_count(static_cast<double>(grouped.size())),
                            format_count(static_cast<double>(kMaxYamlBytes))));
  try {
    YamlFile f = YamlFile::parse(grouped, "generated.yaml");
    read_scenario(f, catalog);
  } catch (const InputError& e) {
    throw refused_on_reading_back(e, grouped, spec, o.output);
  }
  if (o.expand)
    write_output(o.output, [&](std::ostream& out) { write_expanded_cluster_scenario(out, spec); });
  else
    write_output(o.output, grouped);
}

}  // namespace

void add_generate_command(CLI::App& app, std::shared_ptr<Globals> globals) {
  auto o = std::make_shared<GenerateOptions>();
  CLI::App* gen = app.add_subcommand("generate", "Write generated scenarios");
  gen->require_subcommand(1);
  CLI::App* cmd = gen->add_subcommand(
      "cluster",
      "A cluster scenario: one group per class of identical nodes (docs/scenarios.md#groups), "
      "or every node, GPU and link with --expand");
  cmd->footer(
      "Examples:\n"
      "  plainsight generate cluster --nodes 125000 --gpus-per-node 8 -o big.yaml\n"
      "  plainsight generate cluster --nodes 4 --gpu b200 --cc on --cpu-tee sev_snp --expand\n"
      "  plainsight generate cluster --nodes 32 --offering dgx_h100 --onprem -o onprem.yaml\n"
      "  scontrol show node -o > nodes.txt\n"
      "  plainsight generate cluster --from-slurm nodes.txt -o cluster.yaml\n"
      "Limits: up to 10,000,000 nodes; the expanded form only up to what a scenario file may "
      "hold (64 MiB, about 15,000 nodes of 8 GPUs).");
  add_node_options(*cmd, *o);
  add_cluster_options(*cmd, *o);
  cmd->callback([o, globals] { generate(*globals, *o); });
}

}  // namespace plainsight::cli
