// What a window's row rests on: the catalog facts that decide its state and duration, each
// with its citation, so that a report can say when a row rests on anything but a shipping
// product and where sources disagree. Computed on demand (a cluster has 100,000 windows and
// most formats need it for a handful).
#pragma once

#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/scenario.h"
#include "core/window.h"

namespace plainsight {

struct BasisFact {
  enum class Kind {
    protection,  // the rule that decides the state (or the one the scenario states)
    derived,     // the rule the catalog derives where the scenario states another
    custody,     // the key custody of bytes encrypted before they arrived
    gpu,         // the GPU, where the deciding rule matches its attributes
    cpu_tee,     // the CPU TEE, likewise
    link,        // the link or storage class whose bandwidth gives the duration
    figure,      // a published figure that gives the duration
    stated,      // the scenario's own citation for the protection it states
    reach,       // a capability's reach to this medium, for a plaintext reader
  } kind = Kind::protection;
  std::string id;                    // the fact's catalog id (a capability id for reach)
  const Citation* source = nullptr;  // what it rests on
  const Cited* cited = nullptr;      // its supporting and disagreeing sources, where it has them
};

// The facts deciding `window` (stage `stage` of the scenario), deciding ones first.
std::vector<BasisFact> window_basis(const Catalog& catalog, const Scenario& scenario,
                                    const Stage& stage, const Window& window);

// The weakest status among the facts that decide the state and duration (not the readers'
// reach), and whether any of them is disputed.
struct RowStatus {
  Status weakest = Status::shipping;
  bool disputed = false;
};
RowStatus row_status(const std::vector<BasisFact>& facts);

}  // namespace plainsight
