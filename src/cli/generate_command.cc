// plainsight generate cluster: writes a scenario expanded per node, GPU and link.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/output.h"
#include "core/ids.h"
#include "load/cluster_generator.h"
#include "load/did_you_mean.h"
#include "load/platform_validity.h"

namespace plainsight::cli {

namespace {

// The platform the options describe, checked against the catalog before anything is
// written: known ids, and nothing the vendor refuses (model/platform_rules.yaml).
void check_spec(const Catalog& c, const ClusterSpec& spec) {
  const SourceLocation where{"generate cluster", 0, 0};
  auto known = [&](const std::string& id, const auto& list, const char* what) {
    if (!Catalog::find(list, id))
      throw InputError(where, fmt::format("--{} '{}' is not in the catalog{}", what, id,
                                          did_you_mean(id, ids_of(list))));
  };
  known(spec.gpu, c.gpus, "gpu");
  known(spec.cpu_tee, c.cpu_tees, "cpu-tee");
  known(spec.key_custody, c.key_custodies, "key-custody");
  if (spec.multi_gpu_mode != "none" && spec.multi_gpu_mode != "protected_pcie" &&
      spec.multi_gpu_mode != "nvlink_encryption")
    throw InputError(where, fmt::format("--multi-gpu-mode '{}': expected none, protected_pcie or "
                                        "nvlink_encryption",
                                        spec.multi_gpu_mode));
  Platform p;
  p.gpu = spec.gpu;
  p.gpus_per_node = spec.gpus_per_node;
  p.nodes = spec.nodes;
  p.cpu_tee = spec.cpu_tee;
  p.confidential_mode = spec.confidential_mode;
  p.multi_gpu_mode = spec.multi_gpu_mode;
  p.key_custody = spec.key_custody;
  check_platform(c, p, where);
}

}  // namespace

void add_generate_command(CLI::App& app, std::shared_ptr<Globals> globals) {
  auto spec = std::make_shared<ClusterSpec>();
  auto output = std::make_shared<std::string>();
  auto cc = std::make_shared<std::string>("off");
  CLI::App* gen = app.add_subcommand("generate", "Write generated scenarios");
  gen->require_subcommand(1);
  CLI::App* cmd = gen->add_subcommand("cluster", "A scenario expanded per node, GPU and link");
  cmd->footer(
      "Examples:\n"
      "  plainsight generate cluster --nodes 1024 --gpus-per-node 8 -o big.yaml\n"
      "  plainsight generate cluster --nodes 4 --gpu b200 --cc on --cpu-tee sev_snp");
  cmd->add_option("--nodes", spec->nodes, "Nodes (default 16)")->check(CLI::Range(1, 10000000));
  cmd->add_option("--gpus-per-node", spec->gpus_per_node, "GPUs per node (default 8)")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--gpu", spec->gpu, "Catalog GPU id (default h100)");
  cmd->add_option("--cc", *cc, "GPU confidential mode: on or off")
      ->check(CLI::IsMember({"on", "off"}));
  cmd->add_option("--cpu-tee", spec->cpu_tee, "Catalog CPU TEE id (default none)");
  cmd->add_option("--multi-gpu-mode", spec->multi_gpu_mode,
                  "none, protected_pcie or nvlink_encryption");
  cmd->add_option("--key-custody", spec->key_custody, "Catalog key custody id");
  cmd->add_option("--parameters", spec->parameters, "Model parameters (default 70e9)")
      ->check(CLI::Range(1.0, 1e15));
  cmd->add_option("--horizon", spec->horizon, "Horizon (default 30d)");
  cmd->add_option("--checkpoint-every", spec->checkpoint_every, "Checkpoint period (default 2h)");
  cmd->add_option("--model-loads", spec->model_loads, "Model loads per node (default 30)")
      ->check(CLI::Range(1, 1000000));
  cmd->add_option("--fabric-link", spec->fabric_link, "Catalog fabric link id (default efa_p5)");
  cmd->add_option("--pcie-link", spec->pcie_link, "Catalog PCIe link id");
  cmd->add_option("-o,--output", *output, "Write to FILE (atomically) instead of stdout")
      ->check(non_empty());
  cmd->callback([spec, output, cc, globals] {
    spec->confidential_mode = *cc == "on";
    check_spec(load_catalog_for(*globals), *spec);
    write_output(*output, cluster_scenario_yaml(*spec));
  });
}

}  // namespace plainsight::cli
