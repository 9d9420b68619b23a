#include "cli/commands.h"
#include "load/catalog_loader.h"

namespace plainsight::cli {

Catalog load_catalog_for(const Globals& g) {
  return load_catalog(g.model_dir.empty() ? default_model_dir()
                                          : std::filesystem::path(g.model_dir));
}

}  // namespace plainsight::cli
