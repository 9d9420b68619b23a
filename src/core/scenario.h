// A pipeline: asset, platform, stages and flows over a horizon.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.h"
#include "core/asset.h"
#include "core/catalog.h"
#include "core/figure_range.h"
#include "core/flow.h"
#include "core/group.h"
#include "core/place.h"
#include "core/platform.h"
#include "core/provenance.h"
#include "core/risk_tracking.h"
#include "core/stage.h"
#include "core/transfer_pricing.h"
#include "core/workload.h"

namespace plainsight {

struct Scenario {
  std::string file;
  std::string name;
  std::string description;
  std::string source;  // source id the scenario reproduces (the catalog's or its own)
  // The catalog its citations resolve in when it lists `sources:` of its own: the catalog it
  // was read against with those appended (null without them). Reports look every title up
  // in the analysis' catalog, and windows point into it, so the scenario carries it; shared,
  // so that copies of a scenario (variants, sweep points) cost nothing.
  std::shared_ptr<const Catalog> own_catalog;
  // The form bytes have where they enter the pipeline (stages with no incoming flow):
  // plaintext unless the scenario says they were encrypted before they arrived.
  bool origin_encrypted = false;
  std::string origin_custody;
  std::string origin_scheme;
  double horizon_s = 0;
  // The optional `target:`: the operational-capacity level the pipeline must resist (1..5),
  // which the verdict passes or fails; 0 when the scenario states none.
  int target_level = 0;
  // The optional `risk_tracking:`: what the team decided per finding id, in file order.
  std::vector<RiskEntry> risk_tracking;
  Asset asset;
  // The `platform:` section: the platform of a scenario without `places:` (its one implicit
  // place), and the base of our places that name no offering.
  Platform platform;
  // Where stages run, whose machine each is: the `places:` section, then one place per group
  // (a class of nodes), then the implicit place of a scenario without `places:`.
  std::vector<Place> places;
  // Top-level stages first, then each group's (ids qualified: "node.fabric"), in file order.
  std::vector<Stage> stages;
  std::vector<Flow> flows;
  std::vector<Group> groups;                     // the optional `groups:` section
  std::optional<Workload> workload;              // the optional `workload:` section
  std::optional<TransferPricing> transfer_cost;  // the optional `transfer_cost:` section
  // The optional `actors:` section: actor id -> parameter -> figure, replacing the catalog's.
  std::map<std::string, std::map<std::string, Figure>> actor_parameters;
  // The same keys, where the section states a parameter's 90% range (core/figure_range.h).
  std::map<std::string, std::map<std::string, FigureRange>> actor_parameter_ranges;
  // The same section's `place_reach:` per actor id, replacing the catalog's.
  std::map<std::string, std::vector<PlaceFactor>> actor_place_reach;

  double stage_bytes(const Stage& s) const {
    double b = s.payload == Payload::weights      ? asset.weights_bytes()
               : s.payload == Payload::checkpoint ? asset.checkpoint_bytes()
                                                  : s.explicit_bytes;
    return b / s.shards;
  }
  // The platform a stage runs on: its own place's.
  const Platform& platform_of(const Stage& s) const { return places[s.place].platform; }
  const Place& place_of(const Stage& s) const { return places[s.place]; }
  PlatformSet platforms() const {
    PlatformSet p;
    p.places.reserve(places.size());
    for (const Place& x : places) p.places.push_back(x.platform);
    return p;
  }
  // Sets each flow's stage indices from its ids: for scenarios built in code (the loader
  // resolves them as it reads). Throws std::out_of_range for an id no stage has.
  void index_flows() {
    std::map<std::string, std::size_t> at;
    for (std::size_t i = 0; i < stages.size(); ++i) at[stages[i].id] = i;
    for (Flow& f : flows) f.from_index = at.at(f.from), f.to_index = at.at(f.to);
  }
  // The catalog to analyse it under: `given` where it already holds the scenario's own
  // sources (the catalog it was read against, or one derived from that: sensitivity's
  // variants), else the scenario's own catalog.
  const Catalog& catalog_or(const Catalog& given) const {
    if (!own_catalog || own_catalog->sources.empty() ||
        given.source(own_catalog->sources.back().id))
      return given;
    return *own_catalog;
  }
  const Stage* stage(const std::string& id) const {
    for (const Stage& s : stages)
      if (s.id == id) return &s;
    return nullptr;
  }
};

}  // namespace plainsight
