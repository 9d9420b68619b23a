// Fuzzes the Slurm inventory reader (`scontrol show node -o`, `generate cluster
// --from-slurm`) and what the generator writes from it: the line grammar, Gres, states, the
// classes built through the bundled feature map, and the grouped scenario, which must parse
// as YAML with nothing from the inventory become a key of its own. Either that, or an
// InputError; nothing else escapes.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "bundled_catalog.h"
#include "core/input_error.h"
#include "core/printable.h"
#include "fuzz_support.h"
#include "load/catalog_loader.h"
#include "load/slurm_classes.h"
#include "load/slurm_feature_map.h"
#include "load/slurm_nodes.h"
#include "load/yaml_file.h"
#include "write/cluster_generator.h"

namespace {

const plainsight::SlurmFeatureMap& feature_map() {
  static const plainsight::SlurmFeatureMap m = plainsight::load_slurm_feature_map(
      plainsight::default_model_dir() / "slurm_features.yaml", plainsight::fuzz::bundled_catalog());
  return m;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace plainsight;
  const std::string text = fuzz::text_of(data, size);
  try {
    // An odd-sized input leaves out-of-service nodes out (--available-only).
    const bool available_only = size % 2 == 1;
    SlurmClassBuilder classes(feature_map(), "fuzz\nactors: {x: 1}\n#.txt", available_only);
    std::size_t nodes = 0;
    for_each_slurm_node(text, "fuzz.txt", [&](const SlurmNode& n) {
      ++nodes;
      // Whatever a node holds was read by the grammar: a host name, a Slurm state.
      FUZZ_CHECK(!n.name.empty() && is_printable(n.name) && n.line > 0);
      FUZZ_CHECK(n.gpus.count >= 0 && n.gpus.count <= 1024);
      FUZZ_CHECK(n.gpus.count == 0 || gres_gpus(n.gres).count == n.gpus.count);
      classes.add(n);
    });
    FUZZ_CHECK(nodes > 0);
    ClusterSpec spec;
    const SlurmClasses k = classes.finish();
    spec.classes = k.classes;
    spec.notes = k.notes;
    spec.parameters = 1e9;
    const std::string yaml = cluster_scenario_yaml(spec);
    // What generate writes is YAML with the generator's own keys only: the inventory (and
    // its file name, above) stays inside quoted strings and comments.
    const YamlFile f = YamlFile::parse(yaml, "generated.yaml");
    static const std::set<std::string> kTop{"name",     "description", "horizon", "asset",
                                            "platform", "places",      "stages",  "groups"};
    for (std::size_t i = 0; i < f.root().size(); ++i)
      FUZZ_CHECK(kTop.count(std::string(f.root().key(i).Scalar())) == 1);
    FUZZ_CHECK(f.root()["groups"].size() == spec.classes.size());
    // What reading it back refuses is told about the class whose lines hold it, where its
    // first node is in the inventory (issue 21, audit 7h).
    for (std::size_t i = 0; i < spec.classes.size(); ++i) {
      const YamlNode g = f.root()["groups"][i];
      FUZZ_CHECK(cluster_group_at_line(yaml, f.at(g["stages"]).line) == spec.classes[i].id);
      FUZZ_CHECK(spec.classes[i].from.line > 0);
    }
  } catch (const InputError& e) {
    FUZZ_CHECK(e.what()[0] != '\0');
  }
  return 0;
}
