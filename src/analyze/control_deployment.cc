#include "analyze/control_deployment.h"

#include <algorithm>
#include <optional>

#include "load/platform_keys.h"
#include "load/platform_validity.h"

namespace plainsight {
namespace {

// The most each place puts in one GPU's HBM: what a new GPU must hold.
std::vector<double> hbm_per_gpu(const Scenario& s) {
  std::vector<double> out(s.places.size(), 0);
  for (const Stage& st : s.stages)
    if (st.medium == "hbm") out[st.place] = std::max(out[st.place], s.stage_bytes(st));
  return out;
}

// Why `p` cannot be had at `place`, or nullopt when it can.
std::optional<Undeployable> fault(const Catalog& c, const Place& place, std::size_t index,
                                  const Platform& p, const Control& k, double hbm) {
  for (const ControlSetting& set : k.sets)
    if (place.pinned.count(set.key) &&
        platform_value(place.platform, set.key) != platform_value(p, set.key))
      return Undeployable{Undeployable::Reason::pinned, index, set.key,
                          platform_value(place.platform, set.key)};
  if (const Offering* o = c.offering(place.offering))
    for (const auto& [key, allows] : o->allows) {
      const std::string v = platform_value(p, key);
      if (std::find(allows.values.begin(), allows.values.end(), v) == allows.values.end())
        return Undeployable{Undeployable::Reason::offering, index, key, v, o->id};
    }
  if (p.confidential_mode && p.gpu.empty())
    return Undeployable{Undeployable::Reason::no_gpu, index, "confidential_mode", "on"};
  if (const PlatformRefusal* r = platform_refusal(c, p))
    return Undeployable{Undeployable::Reason::refused, index, {}, {}, {}, r->id};
  if (const PlatformOption* gpu = Catalog::find(c.gpus, p.gpu); gpu && hbm > 0) {
    auto cap = gpu->figures.find("hbm_capacity");
    if (cap != gpu->figures.end() && hbm > cap->second.figure.value * (1 + 1e-9))
      return Undeployable{Undeployable::Reason::hbm_fit, index, "gpu", p.gpu};
  }
  return std::nullopt;
}

}  // namespace

Deployment deploy_control(const Catalog& c, const Scenario& s, const Control& k,
                          PlatformSet& platforms) {
  Deployment d{k.id, {}, {}, {}};
  const std::vector<double> hbm = hbm_per_gpu(s);
  for (std::size_t i = 0; i < s.places.size(); ++i) {
    const Place& place = s.places[i];
    // The one place of a scenario without places stands for every kind of place.
    if (!place.implicit && !conditions_hold(k.places, place.attributes)) continue;
    Platform& current = platforms.places[i];
    // Every combination of the alternatives, the most preferred first (the first key's
    // first value, then its second, ...): the first the place can have is deployed.
    std::vector<std::size_t> choice(k.sets.size(), 0);
    std::optional<Undeployable> first_fault;
    std::optional<Platform> chosen;
    for (;;) {
      Platform p = current;
      for (std::size_t j = 0; j < k.sets.size(); ++j)
        set_platform_value(p, k.sets[j].key, k.sets[j].values[choice[j]]);
      if (auto f = fault(c, place, i, p, k, hbm[i])) {
        if (!first_fault) first_fault = f;
      } else {
        chosen = p;
        break;
      }
      std::size_t j = k.sets.size();
      while (j > 0 && ++choice[j - 1] == k.sets[j - 1].values.size()) choice[--j] = 0;
      if (j == 0) break;
    }
    if (!chosen) {
      d.undeployable.push_back(*first_fault);
      continue;
    }
    bool changed = false;
    for (const ControlSetting& set : k.sets)
      changed |= platform_value(*chosen, set.key) != platform_value(current, set.key);
    (changed ? d.places : d.already).push_back(i);
    current = *chosen;
  }
  return d;
}

PlatformSet deploy_controls(const Catalog& c, const Scenario& s,
                            const std::vector<std::string>& controls,
                            std::vector<Deployment>* deployments) {
  PlatformSet platforms = s.platforms();
  for (const Control& k : c.controls)
    if (std::find(controls.begin(), controls.end(), k.id) != controls.end()) {
      Deployment d = deploy_control(c, s, k, platforms);
      if (deployments) deployments->push_back(std::move(d));
    }
  return platforms;
}

}  // namespace plainsight
