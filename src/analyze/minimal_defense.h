// The cheapest set of catalog controls that cuts every attack path of one actor: a minimum
// cut (Boost max-flow) over its attack graph, where an edge costs the cheapest control whose
// re-analysis closes it; then the scenario is re-analysed with the chosen controls to show
// the result, and controls the result does not need are dropped.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "analyze/actor_profile.h"
#include "analyze/attack_graph.h"
#include "analyze/variant.h"
#include "core/catalog.h"

namespace plainsight {

struct ControlClosure {
  std::string control;
  std::vector<std::string> closes;  // "host_root at hbm"
};

struct MinimalDefense {
  std::string actor;
  bool needed = false;    // the actor has a path with no control applied
  bool cuttable = false;  // the catalog's controls cut every path
  std::vector<std::string> controls;
  double cost = 0;
  std::vector<ControlClosure> closes;  // per chosen control, the routes it closes
  std::vector<std::string> uncut;      // routes no single control in the catalog closes
  AttackPath after;                    // the cheapest path left with the controls applied
  std::string summary;
};

// Re-analyses the scenario under controls, caching each combination.
class ControlVariants {
 public:
  ControlVariants(const Catalog& catalog, Reanalyze reanalyze)
      : catalog_(catalog), reanalyze_(std::move(reanalyze)) {}
  // The variant with these controls (catalog ids) applied, in catalog order.
  const Variant& with(std::vector<std::string> controls);

 private:
  const Catalog& catalog_;
  Reanalyze reanalyze_;
  std::map<std::vector<std::string>, Variant> cache_;
  std::set<std::string> unfit_;  // controls whose overrides this scenario rejects
};

MinimalDefense minimal_defense(const Catalog& catalog, const Variant& base,
                               const ActorProfile& actor, ControlVariants& variants);

}  // namespace plainsight
