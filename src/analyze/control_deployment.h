// Where a control can be deployed: the places it selects whose offering allows its change
// and whose platform the vendors' rules accept, keys the scenario pins left as stated. The
// threat analysis re-analyses under the platforms this makes, never by reloading the file.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/scenario.h"

namespace plainsight {

// Why a control leaves a place it selects as it is.
struct Undeployable {
  enum class Reason {
    pinned,    // the scenario states the key at this place (`key`, `value`: what it states)
    offering,  // the place's offering does not offer the value (`key`, `value`, `offering`)
    not_ours,  // someone else runs the place, and its offering lets customers set no `key`
    refused,   // a platform rule refuses the result (`rule`)
    no_gpu,    // confidential mode without a GPU
    hbm_fit,   // a stage's shard would not fit the new GPU's HBM (`key` gpu, `value`)
  } reason = Reason::offering;
  std::size_t place = 0;  // index into Scenario::places
  std::string key, value, offering, rule;
};

struct Deployment {
  std::string control;
  std::vector<std::size_t> places;  // places whose platform it changes
  // Of those, places where the change alters no window on its own (a rule makes the key moot,
  // as link encryption on an InfiniBand fabric): listed apart, never as a change.
  std::vector<std::size_t> moot;
  std::vector<std::size_t> already;        // selected places that already have its change
  std::vector<Undeployable> undeployable;  // selected places it cannot change, and why
  bool deployable() const { return !places.empty(); }
};

// Applies one control to `platforms` (the scenario's places, by index), in place.
Deployment deploy_control(const Catalog& catalog, const Scenario& scenario, const Control& control,
                          PlatformSet& platforms);

// The platforms with `controls` (catalog ids) applied in catalog order, and where each went.
PlatformSet deploy_controls(const Catalog& catalog, const Scenario& scenario,
                            const std::vector<std::string>& controls,
                            std::vector<Deployment>* deployments = nullptr);

}  // namespace plainsight
