#include "load/sweep_axis.h"

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "core/input_error.h"

namespace plainsight {
namespace {

constexpr double kDay = 86400;

TEST(SweepAxis, KnowsWhatAKeyHolds) {
  EXPECT_EQ(set_key_kind("platform.gpu").kind, ValueKind::catalog);
  EXPECT_EQ(set_key_kind("platform.confidential_mode").kind, ValueKind::on_off);
  EXPECT_EQ(set_key_kind("horizon").quantity, QuantityKind::duration);
  EXPECT_EQ(set_key_kind("asset.parameters").kind, ValueKind::number);
  EXPECT_FALSE(set_key_kind("asset.parameters").quantity.has_value());
  EXPECT_EQ(set_key_kind("actors.oc3.dwell").quantity, QuantityKind::duration);
  EXPECT_EQ(set_key_kind("actors.oc3.foothold_rate").quantity, QuantityKind::rate);
  EXPECT_EQ(set_key_kind("actors.oc3.read_bandwidth.value").quantity, QuantityKind::bandwidth);
  EXPECT_EQ(set_key_kind("stages.ckpt.duration").quantity, QuantityKind::duration);
  EXPECT_EQ(set_key_kind("stages[n0.ckpt].bandwidth").quantity, QuantityKind::bandwidth);
  EXPECT_EQ(set_key_kind("groups[node].stages[hbm].resident").quantity, QuantityKind::duration);
  EXPECT_EQ(set_key_kind("stages.ckpt.events.every").quantity, QuantityKind::duration);
  EXPECT_EQ(set_key_kind("stages.ckpt.events").kind, ValueKind::events);
  EXPECT_EQ(set_key_kind("platform.link_encryption.fabric").kind, ValueKind::on_off);
  // What the tables do not know is text: loading the point says why.
  EXPECT_EQ(set_key_kind("platform.gpuu").kind, ValueKind::text);
  EXPECT_EQ(set_key_kind("stages").kind, ValueKind::text);
}

TEST(SweepAxis, ListsAreTakenAsWritten) {
  const SweepAxis a = parse_sweep_axis("platform.gpu=h100, b200,gb200");
  EXPECT_EQ(a.key, "platform.gpu");
  EXPECT_EQ(a.texts, (std::vector<std::string>{"h100", "b200", "gb200"}));
  EXPECT_FALSE(a.numeric());
  EXPECT_FALSE(a.actor_parameter);
  // A list of quantities is numeric; a word among them makes it categorical.
  EXPECT_TRUE(parse_sweep_axis("stages.ckpt.duration=1s,2s").numeric());
  EXPECT_FALSE(parse_sweep_axis("stages.ckpt.duration=1s,from_link").numeric());
}

TEST(SweepAxis, LinearRangesKeepTheUnitOfLo) {
  const SweepAxis a = parse_sweep_axis("actors.oc3.dwell=10d..30d:3");
  EXPECT_TRUE(a.actor_parameter);
  EXPECT_EQ(a.texts, (std::vector<std::string>{"10d", "20d", "30d"}));
  ASSERT_EQ(a.numbers.size(), 3u);
  EXPECT_DOUBLE_EQ(a.numbers[1], 20 * kDay);
  EXPECT_FALSE(a.log);
  // HI in another unit: the values are still written in LO's.
  const SweepAxis b = parse_sweep_axis("horizon=12h..2d:4");
  EXPECT_EQ(b.texts, (std::vector<std::string>{"12h", "24h", "36h", "48h"}));
}

TEST(SweepAxis, LogRangesAreGeometric) {
  const SweepAxis a = parse_sweep_axis("actors.oc3.read_bandwidth=1GB/s..100GB/s:3:log");
  EXPECT_TRUE(a.log);
  EXPECT_EQ(a.texts, (std::vector<std::string>{"1GB/s", "10GB/s", "100GB/s"}));
  const SweepAxis r = parse_sweep_axis("actors.oc2.foothold_rate=1/y..16/y:5:log");
  EXPECT_EQ(r.texts, (std::vector<std::string>{"1/y", "2/y", "4/y", "8/y", "16/y"}));
  EXPECT_NEAR(r.numbers[2] * 365.25 * kDay, 4, 1e-9);
}

TEST(SweepAxis, WholeNumberKeysRoundAndDropRepeats) {
  const SweepAxis a = parse_sweep_axis("platform.gpus_per_node=1..4:7");
  EXPECT_EQ(a.texts, (std::vector<std::string>{"1", "2", "3", "4"}));
  const SweepAxis n = parse_sweep_axis("asset.parameters=7e9..70e9:2");
  EXPECT_EQ(n.texts, (std::vector<std::string>{"7e+09", "7e+10"}));
  EXPECT_DOUBLE_EQ(n.numbers[1], 70e9);
}

TEST(SweepAxis, RefusesWhatItCannotRead) {
  for (const char* bad : {
           "platform.gpu",                   // no '='
           "=h100",                          // no key
           "platform.gpu=h100,,b200",        // empty value
           "platform.gpu=a..b:3",            // a range of a key that holds no number
           "actors.oc3.dwell=1d..9d:1",      // too few steps
           "actors.oc3.dwell=1d..9d:1001",   // too many
           "actors.oc3.dwell=1d..9d:x",      // steps not a number
           "actors.oc3.dwell=1x..9d:3",      // LO not a duration
           "actors.oc3.dwell=0d..9d:3:log",  // log through zero
           "actors.oc3.dwell=1d..9d:3:lin",  // unknown suffix
           "actors.oc3.dwell=1d..1e40y:3",   // beyond any duration
       }) {
    try {
      parse_sweep_axis(bad);
      ADD_FAILURE() << bad << " was accepted";
    } catch (const InputError& e) {
      EXPECT_EQ(e.where().file.rfind("--vary ", 0), 0u) << bad << ": " << e.what();
    }
  }
}

TEST(SweepAxis, RefusesAValueListedTwiceNamingIt) {
  for (const auto& [list, named] : std::vector<std::pair<std::string, std::string>>{
           {"actors.oc3.dwell=1d,1d", "the value '1d' is listed twice"},
           {"platform.gpu=h100,b200,h100", "the value 'h100' is listed twice"},
           {"actors.oc3.dwell=1d,2d,24h", "'24h' is the same value as '1d'"},
       }) {
    try {
      parse_sweep_axis(list);
      ADD_FAILURE() << list << " was accepted";
    } catch (const InputError& e) {
      EXPECT_NE(e.message().find(named), std::string::npos) << list << ": " << e.what();
    }
  }
  // A range that rounds to repeats drops them, as before; distinct values pass.
  EXPECT_EQ(parse_sweep_axis("actors.oc3.dwell=1d,2d").texts.size(), 2u);
}

}  // namespace
}  // namespace plainsight
