// Figure ranges (core/figure_range.h): read from the catalog and from a scenario's `actors:`
// section, kept by the actor profiles, checked on input.
#include "core/figure_range.h"

#include <cmath>

#include <gtest/gtest.h>

#include "analyze/actor_profile.h"
#include "threat_support.h"

namespace plainsight {
namespace {

constexpr double kDay = 86400;

TEST(FigureRange, TheValueIsTheMedianAndTheEndsThe90PercentInterval) {
  FigureRange r;
  r.low = 16 * kDay;
  r.high = 60 * kDay;
  const double value = 30 * kDay;
  EXPECT_DOUBLE_EQ(r.at(value, 0), value);
  EXPECT_NEAR(r.at(value, -kZ95), r.low, 1e-6);
  EXPECT_NEAR(r.at(value, kZ95), r.high, 1e-6);
  // Two spreads: the low side is narrower here than the high one.
  EXPECT_LT(r.sigma_low(value), r.sigma_high(value));
  EXPECT_NEAR(r.at(value, -2 * kZ95), r.low * r.low / value, 1e-3);
}

TEST(FigureRange, TheCatalogsActorsCarryTheirRangesAndSources) {
  const Catalog& c = testing::bundled_catalog();
  for (const Actor& a : c.actors)
    for (const char* name : kActorParameters) {
      auto it = a.parameter_ranges.find(name);
      ASSERT_NE(it, a.parameter_ranges.end()) << a.id << " " << name;
      const double value = a.parameters.at(name).value;
      EXPECT_LE(it->second.low, value) << a.id << " " << name;
      EXPECT_GE(it->second.high, value) << a.id << " " << name;
      EXPECT_FALSE(it->second.source.id.empty());
    }
  const Actor* oc3 = Catalog::find(c.actors, std::string("oc3"));
  const FigureRange& dwell = oc3->parameter_ranges.at("dwell");
  EXPECT_DOUBLE_EQ(dwell.low, 16 * kDay);
  EXPECT_EQ(dwell.source.id, "mandiant-m-trends-2026");
  EXPECT_EQ(dwell.source.status, Status::claimed);
  EXPECT_NE(dwell.source.says.find("14 days"), std::string::npos);
  EXPECT_EQ(oc3->parameter_ranges.at("foothold_rate").source.id, "sophos-state-of-ransomware-2024");
  // The report bounds one end: the other is assumed, and says so.
  EXPECT_EQ(dwell.cited, FigureRange::Cited::low);
  EXPECT_EQ(dwell.status_of(false), Status::claimed);
  EXPECT_EQ(dwell.status_of(true), Status::assumed);
  const Actor* oc4 = Catalog::find(c.actors, std::string("oc4"));
  EXPECT_EQ(oc4->parameter_ranges.at("dwell").cited, FigureRange::Cited::high);
  EXPECT_EQ(oc4->parameter_ranges.at("dwell").status_of(false), Status::assumed);
  EXPECT_EQ(oc4->parameter_ranges.at("read_bandwidth").cited, FigureRange::Cited::both);
  EXPECT_EQ(oc4->parameter_ranges.at("read_bandwidth").status_of(true), Status::assumed);
  // The profiles analyze builds keep them.
  const ActorProfile p = actor_profile(*oc3);
  EXPECT_DOUBLE_EQ(p.ranges.at("dwell").high, 60 * kDay);
}

YamlFile with_actors(const std::string& section) {
  return YamlFile::parse(
      "name: x\nhorizon: 30d\nasset: {name: a, parameters: 1e9}\n"
      "platform: {gpu: h100}\n"
      "stages:\n  - {id: hbm, medium: hbm, resident: horizon}\n" +
          section,
      "ranges.yaml");
}

TEST(FigureRange, AScenarioStatesItsOwnRangeAndAnOverrideDropsTheCatalogs) {
  const Catalog& c = testing::bundled_catalog();
  YamlFile f = with_actors(
      "actors:\n  oc3:\n    dwell: {value: 20d, source: {id: plainsight-assumption, status: "
      "assumed, where: here, paraphrase: ours}, range: {low: 10d, high: 40d, source: {id: "
      "plainsight-assumption, status: assumed, where: here, paraphrase: ours}}}\n"
      "    egress_bandwidth: 2GB/s\n");
  const Scenario s = read_scenario(f, c);
  ASSERT_EQ(s.actor_parameter_ranges.at("oc3").count("dwell"), 1u);
  const std::vector<ActorProfile> profiles =
      actor_profiles(c, s.actor_parameters, &s.actor_place_reach, &s.actor_parameter_ranges);
  const ActorProfile& oc3 = *find_actor(profiles, "OC3");
  EXPECT_DOUBLE_EQ(oc3.ranges.at("dwell").low, 10 * kDay);
  // Overridden without a range: the catalog's range was for the catalog's value.
  EXPECT_EQ(oc3.ranges.count("egress_bandwidth"), 0u);
  // Not overridden: the catalog's.
  EXPECT_EQ(oc3.ranges.at("foothold_rate").source.id, "sophos-state-of-ransomware-2024");
}

TEST(FigureRange, AScenariosRangeSaysWhichEndItsSourceGives) {
  const Catalog& c = testing::bundled_catalog();
  YamlFile f = with_actors(
      "actors:\n  oc3:\n    dwell: {value: 20d, source: {id: plainsight-assumption, status: "
      "assumed, where: here, paraphrase: ours}, range: {low: 10d, high: 40d, cited: high, "
      "source: {id: mandiant-m-trends-2026, status: claimed, where: here, quote: q}}}\n");
  const Scenario s = read_scenario(f, c);
  const FigureRange& r = s.actor_parameter_ranges.at("oc3").at("dwell");
  EXPECT_EQ(r.cited, FigureRange::Cited::high);
  EXPECT_EQ(r.status_of(true), Status::claimed);
  EXPECT_EQ(r.status_of(false), Status::assumed);
}

TEST(FigureRange, ARangeMustHoldItsValueAndCiteItsSource) {
  const Catalog& c = testing::bundled_catalog();
  const std::string cite =
      "source: {id: plainsight-assumption, status: assumed, where: w, "
      "paraphrase: p}";
  for (const std::string& range : {"{low: 25d, high: 40d, " + cite + "}",     // above the value
                                   "{low: 10d, high: 15d, " + cite + "}",     // below it
                                   std::string("{low: 10d, high: 40d}"),      // no source
                                   "{low: 10GB/s, high: 40d, " + cite + "}",  // the wrong unit
                                   "{low: 10d, high: 40d, mode: 1d, " + cite + "}",
                                   "{low: 10d, high: 40d, cited: middle, " + cite + "}"}) {
    YamlFile f = with_actors("actors:\n  oc3:\n    dwell: {value: 20d, " + cite +
                             ", range: " + range + "}\n");
    EXPECT_THROW(read_scenario(f, c), InputError) << range;
  }
}

}  // namespace
}  // namespace plainsight
