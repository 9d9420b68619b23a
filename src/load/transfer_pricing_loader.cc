#include "load/transfer_pricing_loader.h"

#include <fmt/format.h>

#include "core/ids.h"
#include "load/did_you_mean.h"
#include "load/map_reader.h"

namespace plainsight {
namespace {

const PublishedFigure& figure_in(MapReader& r, std::string_view key, const Catalog& c,
                                 std::initializer_list<std::string_view> units) {
  const std::string id = r.id(key);
  const PublishedFigure* f = c.figure(id);
  if (!f)
    throw InputError(r.at_value(key), fmt::format("transfer_cost: unknown figure '{}'{}", id,
                                                  did_you_mean(id, ids_of(c.figures))));
  for (std::string_view u : units)
    if (f->unit == u) return *f;
  throw InputError(r.at_value(key), fmt::format("transfer_cost: figure '{}' is in {}; {} needs {}",
                                                id, f->unit, key, fmt::join(units, " or ")));
}

}  // namespace

TransferPricing read_transfer_pricing(const YamlFile& f, const YamlNode& node, const Scenario& s,
                                      const Catalog& c) {
  MapReader r(f, node, "transfer_cost");
  r.allow(scenario_mapping("transfer_cost"));
  TransferPricing t;
  t.where = r.at();
  t.stage = r.id("stage");
  if (!s.stage(t.stage)) {
    std::vector<std::string> known;
    for (const Stage& st : s.stages) known.push_back(st.id);
    throw InputError(r.at_value("stage"), fmt::format("transfer_cost: unknown stage '{}'{}",
                                                      t.stage, did_you_mean(t.stage, known)));
  }
  t.price = figure_in(r, "price", c, {"usd_per_gb", "usd"}).id;
  if (YamlNode d = r.optional_node("distribution")) {
    MapReader dr(f, d, "transfer_cost distribution");
    dr.allow(scenario_mapping("transfer_distribution"));
    t.endpoints = dr.integer("endpoints", 1, 1000000);
    t.every_s = dr.duration("every");
  }
  if (YamlNode p = r.optional_node("published")) {
    MapReader pr(f, p, "transfer_cost published");
    pr.allow(scenario_mapping("transfer_published"));
    for (const std::string& k : pr.keys())
      t.published[k] =
          figure_in(pr, k, c, {k == "transfers" ? std::string_view("count") : "usd"}).id;
    if (t.published.count("per_year") && t.endpoints == 0)
      throw InputError(pr.at_key("per_year"),
                       "transfer_cost: a published per_year cost needs a distribution to compare");
  }
  return t;
}

}  // namespace plainsight
