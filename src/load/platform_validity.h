// Whether the vendor supports a platform (model/platform_rules.yaml): GPU confidential
// computing needs a CPU TEE, Hopper has no NVLink encryption. Checked wherever a platform is
// made: scenario loading, --set overlays, `generate cluster` and control variants.
#pragma once

#include "core/catalog.h"
#include "core/conditions.h"
#include "core/platform.h"
#include "core/scenario.h"

namespace plainsight {

// The platform's own attributes, as protection rules and refusals match them:
// confidential_mode, multi_gpu_mode, key_custody, gpu, gpu.<attr>, gpus (none, one, several
// per node), cpu_tee, cpu_tee.<attr>.
Attributes platform_attributes(const Catalog& catalog, const Platform& platform);

// The first refusal whose conditions hold, or null.
const PlatformRefusal* platform_refusal(const Catalog& catalog, const Platform& platform);

// "the vendor refuses this platform (rule 'gpu_cc_needs_cpu_tee'): ...; source: ..."
std::string refusal_message(const Catalog& catalog, const PlatformRefusal& refusal);

// Throws InputError at `where` when a refusal holds.
void check_platform(const Catalog& catalog, const Platform& platform, const SourceLocation& where);

// Throws InputError when a shard of an HBM stage holds more than one GPU's HBM (the GPU's
// cited hbm_capacity, of the GPU of the stage's platform): at `where` when given (the --set
// that changed the GPU), else at the stage.
void check_hbm_fit(const Catalog& catalog, const Scenario& scenario, const PlatformSet& platforms,
                   const SourceLocation* where);

}  // namespace plainsight
