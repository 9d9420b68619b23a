// The world as data, loaded from model/*.yaml.
#pragma once

#include <string>
#include <vector>

#include "core/actor.h"
#include "core/capability.h"
#include "core/cc_cost.h"
#include "core/control.h"
#include "core/key_step.h"
#include "core/link.h"
#include "core/medium.h"
#include "core/offering.h"
#include "core/platform_option.h"
#include "core/platform_refusal.h"
#include "core/probe_map.h"
#include "core/protection_rule.h"
#include "core/published_figure.h"
#include "core/source.h"

namespace plainsight {

struct Catalog {
  std::vector<Source> sources;
  std::vector<Medium> media;
  std::vector<PlatformOption> gpus;
  std::vector<PlatformOption> cpu_tees;
  std::vector<PlatformOption> key_custodies;
  std::vector<Link> links;  // links and storage classes
  std::vector<ProtectionRule> protections;
  std::vector<Capability> capabilities;
  std::vector<Actor> actors;  // ordered by level
  std::vector<Control> controls;
  std::vector<PublishedFigure> figures;
  std::vector<CcCost> cc_costs;           // model/cc_costs.yaml
  std::vector<RunCost> run_costs;         // model/cc_costs.yaml
  std::vector<PlatformRefusal> refusals;  // model/platform_rules.yaml
  std::vector<KeyStep> key_steps;         // model/attack_steps.yaml
  std::vector<Offering> offerings;        // model/offerings.yaml
  ProbeMap probe_map;                     // model/probe_map.yaml: which probe measures which stage

  template <class T>
  static const T* find(const std::vector<T>& list, const std::string& id) {
    for (const T& x : list)
      if (x.id == id) return &x;
    return nullptr;
  }
  const Medium* medium(const std::string& id) const { return find(media, id); }
  const Link* link(const std::string& id) const { return find(links, id); }
  const Capability* capability(const std::string& id) const { return find(capabilities, id); }
  const PublishedFigure* figure(const std::string& id) const { return find(figures, id); }
  const Source* source(const std::string& id) const { return find(sources, id); }
  const Offering* offering(const std::string& id) const { return find(offerings, id); }
};

}  // namespace plainsight
