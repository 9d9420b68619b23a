// The cheapest set of catalog controls that cuts every attack path of one actor: a minimum
// cut (Boost max-flow) over its attack graph, where an edge costs the cheapest control whose
// re-analysis closes it; then the scenario is re-analysed with the chosen controls to show
// the result, and controls the result does not need are dropped.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "analyze/actor_profile.h"
#include "analyze/attack_graph.h"
#include "analyze/control_deployment.h"
#include "analyze/variant.h"
#include "core/catalog.h"

namespace plainsight {

// One capability reading at one stage: what a control closes, or what nothing closes.
struct RouteRef {
  std::string capability;
  std::string stage;
  bool operator==(const RouteRef&) const = default;
};

struct ControlClosure {
  std::string control;
  std::vector<RouteRef> closes;  // the routes it closes, by stage id then capability id
};

struct MinimalDefense {
  std::string actor;
  bool needed = false;    // the actor has a path with no control applied
  bool cuttable = false;  // the catalog's controls cut every path
  std::vector<std::string> controls;
  double cost = 0;
  std::vector<ControlClosure> closes;  // per chosen control, the routes it closes
  std::vector<RouteRef> uncut;         // routes no single control in the catalog closes
  // Routes the chosen controls open that were closed before (a new CPU whose memory an
  // interposer reads): a control is not a pure gain, and the report says so.
  std::vector<RouteRef> opens;
  AttackPath after;  // the cheapest path left with the controls applied
};

// A route: one capability at one window of the scenario as analysed without controls,
// window index x capabilities + capability index. Sorted vectors of these stand for the
// sets of routes (a cluster has tens of thousands per actor and variant).
using RouteId = std::uint64_t;
using Routes = std::vector<RouteId>;

// What one combination of controls leaves each actor: the routes still open and the
// cheapest path. Kept instead of the re-analysed windows, which on a large cluster weigh
// hundreds of megabytes per combination.
struct VariantOutcome {
  std::map<std::string, Routes> live;      // by actor id, sorted
  std::map<std::string, AttackPath> path;  // by actor id
  // Places where some window's state, protection or reader differs from the scenario's
  // without controls, sorted (every place a window is at when the stages differ).
  std::vector<std::size_t> changed_places;
};

// Re-analyses the scenario under controls, caching each combination's outcome.
class ControlVariants {
 public:
  // `windows`: the scenario's windows without controls, which route ids index.
  ControlVariants(const Catalog& catalog, const Scenario& scenario, Reanalyze reanalyze,
                  std::vector<ActorProfile> actors, const std::vector<Window>& windows);
  // The outcome with these controls (catalog ids) deployed, in catalog order.
  const VariantOutcome& with(std::vector<std::string> controls);
  // Where each catalog control deploys on its own, in catalog order.
  const std::vector<Deployment>& deployments() const { return deployments_; }
  // The same, with each deployable control's places that no window there changes for moved
  // to `moot` (re-analysing each control alone where the defences did not already).
  std::vector<Deployment> effective_deployments();

 private:
  // What `windows` (of `scenario`, under some controls) leave each actor.
  VariantOutcome outcome(const Scenario& scenario, const std::vector<Window>& windows) const;
  const Catalog& catalog_;
  const Scenario& scenario_;
  Reanalyze reanalyze_;
  std::vector<ActorProfile> actors_;
  const std::vector<Window>& windows_;
  // By sorted control ids; combinations that deploy the same platforms (one control sets
  // what another already set, or deploys nowhere) share one outcome, re-analysed once.
  std::map<std::vector<std::string>, std::shared_ptr<const VariantOutcome>> cache_;
  std::vector<std::pair<PlatformSet, std::shared_ptr<const VariantOutcome>>> by_platforms_;
  std::set<std::string> unfit_;  // controls this scenario cannot deploy anywhere
  std::vector<Deployment> deployments_;
  std::vector<Window> spent_;  // the last variant's windows, reused by the next
};

// `reach`: the actor's reach over `windows` (actor_reach).
MinimalDefense minimal_defense(const Catalog& catalog, const std::vector<Window>& windows,
                               const ActorProfile& actor, const std::vector<Reach>& reach,
                               ControlVariants& variants);

}  // namespace plainsight
