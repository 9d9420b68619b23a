// The research plots as SVG text: axes labelled with their units, refused points marked,
// scenario text escaped. tests/research/plot_render_test.py renders them in Chromium.
#include <gtest/gtest.h>

#include "report/plot_axis.h"
#include "report/sweep_plot.h"
#include "report/sweep_report.h"
#include "report/tornado_plot.h"
#include "threat_support.h"

namespace plainsight {
namespace {

using testing::bundled_catalog;
using testing::scenario_path;

SweepResult sweep(const std::string& scenario, const std::vector<std::string>& vary,
                  const std::vector<std::string>& sets = {}, const std::string& actor = "") {
  std::vector<SweepAxis> axes;
  for (const std::string& v : vary) axes.push_back(parse_sweep_axis(v));
  SweepOptions o;
  o.simulation.trials = 300;
  o.sets = sets;
  o.actor = actor;
  return run_sweep(bundled_catalog(), scenario_path(scenario), std::move(axes), o);
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(PlotAxis, RoundTicksAndLogDecades) {
  const PlotAxis lin(0, 0.23, 0, 100, false);
  const std::vector<double> expect{0, 0.05, 0.1, 0.15, 0.2, 0.25};
  ASSERT_EQ(lin.ticks().size(), expect.size());
  for (std::size_t i = 0; i < expect.size(); ++i) EXPECT_NEAR(lin.ticks()[i], expect[i], 1e-12);
  EXPECT_DOUBLE_EQ(lin.hi(), 0.25);
  EXPECT_DOUBLE_EQ(lin.at(0.125), 50);
  const PlotAxis log(1, 1000, 0, 300, true);
  EXPECT_EQ(log.ticks(), (std::vector<double>{1, 10, 100, 1000}));
  EXPECT_DOUBLE_EQ(log.at(10), 100);
}

TEST(PlotAxis, ShowsQuantitiesInAUnitThatReads) {
  EXPECT_EQ(display_unit(QuantityKind::duration, {86400, 90 * 86400}).name, "d");
  EXPECT_EQ(display_unit(QuantityKind::duration, {86400, 90 * 86400}).words, "days");
  EXPECT_EQ(display_unit(QuantityKind::bandwidth, {5e9, 2e10}).name, "GB/s");
  EXPECT_EQ(display_unit(QuantityKind::rate, {4 / (365.25 * 86400)}).name, "/y");
  EXPECT_EQ(format_rate(4 / (365.25 * 86400)), "4/y");
  EXPECT_EQ(display_unit(std::nullopt, {7e9}).name, "");
}

TEST(SweepPlot, OneKeyIsALineChartWithLabelledAxes) {
  const SweepResult s = sweep("aws-frontier", {"actors.oc3.dwell=5d..60d:4"}, {}, "OC3");
  const std::string svg = sweep_svg(s);
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_TRUE(has(svg, ">actors.oc3.dwell (days)</text>")) << svg;
  EXPECT_TRUE(has(svg, ">P(full copy within the horizon, 30 d)</text>"));
  EXPECT_TRUE(has(svg, ">exposure ceiling</text>"));
  EXPECT_TRUE(has(svg, ">OC3</text>"));  // the legend
  EXPECT_FALSE(has(svg, "refused"));
  const std::string html = sweep_html(s);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_TRUE(has(html, "<svg"));
  EXPECT_FALSE(has(html, "<script"));
  EXPECT_FALSE(has(html, "src="));
}

TEST(SweepPlot, RefusedPointsAreMarkedInWords) {
  const SweepResult s = sweep("silo-hopper", {"platform.gpu=h100,b200,h200"}, {}, "OC4");
  const std::string svg = sweep_svg(s);
  EXPECT_TRUE(has(svg, ">refused</text>"));
  EXPECT_TRUE(has(svg, ">platform.gpu</text>"));
  EXPECT_TRUE(has(sweep_html(s), "platform refused (model/platform_rules.yaml"));
}

TEST(SweepPlot, TwoKeysAreAHeatMapPerActor) {
  const SweepResult s =
      sweep("silo-hopper", {"platform.gpu=h100,b200", "actors.oc4.dwell=30d,90d"});
  const std::string svg = sweep_svg(s);
  EXPECT_TRUE(has(svg, ">platform.gpu</text>"));
  EXPECT_TRUE(has(svg, ">actors.oc4.dwell (days)</text>"));
  for (const char* actor : {">OC1: P(full copy", ">OC5: P(full copy"}) EXPECT_TRUE(has(svg, actor));
  EXPECT_TRUE(has(svg, ">refused</text>"));  // b200 rows, and the legend says so
}

TEST(SweepPlot, ScenarioTextIsShownNeverMarkup) {
  const SweepResult s =
      sweep("aws-frontier", {"actors.oc3.dwell=5d,10d"}, {"name=<script>alert(1)</script>"}, "OC3");
  for (const std::string& out : {sweep_svg(s), sweep_html(s)}) {
    EXPECT_FALSE(has(out, "<script>"));
    EXPECT_TRUE(has(out, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  }
}

TEST(TornadoPlot, RowsLabelsAndFlips) {
  SensitivityOptions o;
  o.simulation.trials = 500;
  const SensitivityResult r =
      run_sensitivity(bundled_catalog(), scenario_path("transfer-cloud-relay"), o);
  const std::string svg = tornado_svg(r);
  EXPECT_TRUE(has(svg, ">P(full copy)</text>"));
  EXPECT_TRUE(has(svg, ">exposure ceiling</text>"));
  EXPECT_TRUE(has(svg, ">OC level kept out</text>"));
  EXPECT_TRUE(has(svg, "ceiling OC2 -&gt; OC1 at"));
  EXPECT_TRUE(has(svg, ">OC2 dwell</text>"));
  EXPECT_TRUE(has(tornado_html(r), "decides the answer"));
}

}  // namespace
}  // namespace plainsight
