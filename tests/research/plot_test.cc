// The research plots as SVG text: axes labelled with their units, refused points marked,
// scenario text escaped. tests/research/plot_render_test.py renders them in Chromium.
#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "report/plot_axis.h"
#include "report/plot_svg.h"
#include "report/sensitivity_report.h"
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
  // Whole days stay days (a year is 365.25 d: 730 d would read 1.999 y), others as before.
  EXPECT_EQ(format_quantity(QuantityKind::duration, 730 * 86400.0), "730 d");
  EXPECT_EQ(format_quantity(QuantityKind::duration, 176 * 86400.0), "176 d");
  EXPECT_EQ(format_quantity(QuantityKind::duration, 1.5 * 3600), "1.5 h");
  EXPECT_EQ(format_quantity(QuantityKind::duration, 30.93 * 86400), "30.93 d");
  EXPECT_EQ(display_unit(QuantityKind::duration, {176 * 86400.0, 730 * 86400.0}).name, "d");
  EXPECT_EQ(display_unit(QuantityKind::duration, {1.5 * 365.25 * 86400, 3 * 365.25 * 86400}).name,
            "y");
  // A unit's words nest in no brackets: an axis title holds them in its own.
  for (QuantityKind k : {QuantityKind::size, QuantityKind::bandwidth})
    for (double v : {5e3, 5e6, 5e9, 5e12})
      EXPECT_EQ(display_unit(k, {v}).words.find_first_of("()"), std::string::npos) << v;
  EXPECT_EQ(display_unit(QuantityKind::bandwidth, {5e9}).words, "GB/s = 1e9 bytes per second");
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

// A sweep made by hand, so that every value drawn is known: one axis (actors.oc3.dwell at 10,
// 20 and 40 days) or two (platform.gpu first), and per point the P of each actor.
SweepResult known_sweep(const std::vector<std::string>& vary, const std::vector<std::string>& ids,
                        const std::vector<std::vector<double>>& p) {
  SweepResult s;
  s.scenario = "known";
  s.horizon_s = 30 * 86400.0;
  s.trials = 1000;
  s.seed = 1;
  for (const std::string& v : vary) s.axes.push_back(parse_sweep_axis(v));
  for (const std::string& id : ids) {
    s.actors.push_back(id);
    s.levels.push_back(id.back() - '0');
  }
  for (std::size_t i = 0; i < p.size(); ++i) {
    GridPoint g;
    g.values = s.axes.size() == 1 ? std::vector<std::size_t>{i}
                                  : std::vector<std::size_t>{i / s.axes[1].texts.size(),
                                                             i % s.axes[1].texts.size()};
    g.ceiling = 2;
    for (std::size_t j = 0; j < ids.size(); ++j)
      g.actors.push_back({ids[j], s.levels[j], 0, p[i][j], p[i][j] - 0.02, p[i][j] + 0.02});
    s.points.push_back(std::move(g));
  }
  return s;
}

// The numbers of an SVG attribute `name` in `element`.
double attribute(const std::string& element, const std::string& name) {
  const std::size_t at = element.find(" " + name + "=\"");
  if (at == std::string::npos) return NAN;
  return std::stod(element.substr(at + name.size() + 3));
}

// The x (attribute) and y of the first <text> that reads exactly `label` at `anchor`.
std::pair<double, double> text_position(const std::string& svg, const std::string& label,
                                        const std::string& anchor) {
  const std::string tail = "text-anchor=\"" + anchor + "\"";
  for (std::size_t end = svg.find(">" + label + "</text>"); end != std::string::npos;
       end = svg.find(">" + label + "</text>", end + 1)) {
    const std::size_t start = svg.rfind("<text ", end);
    const std::string element = svg.substr(start, end - start);
    if (element.find(tail) != std::string::npos)
      return {attribute(element, "x"), attribute(element, "y")};
  }
  ADD_FAILURE() << "no label '" << label << "' anchored " << anchor;
  return {NAN, NAN};
}

// The elements inside <g class="CLASS" data-actor="TAG">, one a line.
std::vector<std::string> group_elements(const std::string& svg, const std::string& cls,
                                        const std::string& tag) {
  const std::string open = "<g class=\"" + cls + "\" data-actor=\"" + tag + "\">\n";
  const std::size_t start = svg.find(open);
  if (start == std::string::npos) return {};
  const std::size_t end = svg.find("</g>", start);
  std::vector<std::string> out;
  std::size_t line = start + open.size();
  while (line < end) {
    const std::size_t next = svg.find('\n', line);
    out.push_back(svg.substr(line, next - line));
    line = next + 1;
  }
  return out;
}

// The centres of the filled markers (circle, rect, path: the middle of its extent) in `els`.
std::vector<std::pair<double, double>> marker_centres(const std::vector<std::string>& els) {
  std::vector<std::pair<double, double>> out;
  for (const std::string& e : els) {
    if (e.find("fill=\"none\"") != std::string::npos) continue;  // the line through them
    if (e.rfind("<circle", 0) == 0) {
      out.push_back({attribute(e, "cx"), attribute(e, "cy")});
    } else if (e.rfind("<rect", 0) == 0) {
      out.push_back({attribute(e, "x") + attribute(e, "width") / 2,
                     attribute(e, "y") + attribute(e, "height") / 2});
    } else if (e.rfind("<path", 0) == 0) {
      double x0 = 1e9, x1 = -1e9, y0 = 1e9, y1 = -1e9;
      const std::string d = e.substr(e.find("d=\"") + 3);
      for (std::size_t k = 0; k < d.size() && d[k] != '"';) {
        if (std::isdigit(static_cast<unsigned char>(d[k])) || d[k] == '-') {
          std::size_t used = 0;
          const double x = std::stod(d.substr(k), &used);
          k += used + 1;  // and the comma
          const double y = std::stod(d.substr(k), &used);
          k += used;
          x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
        } else {
          ++k;
        }
      }
      out.push_back({(x0 + x1) / 2, (y0 + y1) / 2});
    }
  }
  return out;
}

bool drawn_at(const std::vector<std::pair<double, double>>& centres, double x, double y) {
  return std::any_of(centres.begin(), centres.end(), [&](const auto& c) {
    return std::fabs(c.first - x) < 0.15 && std::fabs(c.second - y) < 0.15;
  });
}

TEST(SweepPlot, AKnownPointIsDrawnWhereItsValuesLieOnBothAxes) {
  // OC2 at 0.1, 0.2, 0.3; OC4 at 0.05, 0.35, 0.45: no two markers near each other.
  const SweepResult s = known_sweep({"actors.oc3.dwell=10d,20d,40d"}, {"oc2", "oc4"},
                                    {{0.1, 0.05}, {0.2, 0.35}, {0.3, 0.45}});
  const std::string svg = sweep_svg(s);
  // Where the axes put 20 d and 40 d (x tick labels, centred) and 0.2, 0.4, 0.5 (y tick labels,
  // right-aligned, 4 px under their line): read from the drawing, not from its code.
  const double x20 = text_position(svg, "20", "middle").first;
  const double x40 = text_position(svg, "40", "middle").first;
  const double y02 = text_position(svg, "0.2", "end").second - 4;
  const double y04 = text_position(svg, "0.4", "end").second - 4;
  const double y05 = text_position(svg, "0.5", "end").second - 4;
  ASSERT_LT(y05, y04);
  const auto oc2 = marker_centres(group_elements(svg, "series", "OC2"));
  const auto oc4 = marker_centres(group_elements(svg, "series", "OC4"));
  ASSERT_EQ(oc2.size(), 3u) << svg;
  ASSERT_EQ(oc4.size(), 3u);
  EXPECT_TRUE(drawn_at(oc2, x20, y02))
      << "OC2 at (20 d, 0.2) is not at (" << x20 << ", " << y02 << ")\n"
      << svg;
  // 0.45 is halfway between the 0.4 and 0.5 ticks.
  EXPECT_TRUE(drawn_at(oc4, x40, (y04 + y05) / 2)) << svg;
  EXPECT_FALSE(drawn_at(oc2, x40, (y04 + y05) / 2));  // each actor's own value
}

TEST(SweepPlot, AKnownCellIsDrawnInItsRowAndColumnInItsColour) {
  // Rows h100, h200; columns 10, 20, 40 d; OC3's P, the highest 0.6.
  const SweepResult s = known_sweep({"platform.gpu=h100,h200", "actors.oc3.dwell=10d,20d,40d"},
                                    {"oc3"}, {{0.0}, {0.1}, {0.2}, {0.6}, {0.3}, {0.45}});
  const std::string svg = sweep_svg(s);
  const double x20 = text_position(svg, "20", "end").first;          // a column label, turned
  const double y200 = text_position(svg, "h200", "end").second - 4;  // a row label
  const std::vector<std::string> cells = group_elements(svg, "cells", "OC3");
  ASSERT_EQ(cells.size(), 6u + 6u) << svg;  // a rect and its value written in it
  const PlotAxis scale(0, 0.6, 0, 1, false);
  bool found = false;
  for (const std::string& e : cells) {
    if (e.rfind("<rect", 0) != 0) continue;
    const double cx = attribute(e, "x") + attribute(e, "width") / 2;
    const double cy = attribute(e, "y") + attribute(e, "height") / 2;
    if (std::fabs(cx - x20) < 0.15 && std::fabs(cy - y200) < 0.15) {
      found = true;
      EXPECT_NE(e.find("fill=\"" + heat_colour(0.3 / scale.hi()) + "\""), std::string::npos) << e;
    }
  }
  EXPECT_TRUE(found) << "no cell at (" << x20 << ", " << y200 << ")\n" << svg;
}

TEST(SweepPlot, ARefusedPointHasABandOfItsOwnNeverTheNoneRow) {
  const SweepResult s = sweep("silo-hopper", {"platform.gpu=h100,b200,h200"}, {}, "OC4");
  const std::string svg = sweep_svg(s);
  // The ceiling panel's rows are labelled at its left, right-aligned: "none", and "refused"
  // for the band under it.
  const double none = text_position(svg, "none", "end").second;
  const double refused = text_position(svg, "refused", "end").second;
  const double cross = text_position(svg, "\u00d7", "middle").second;
  EXPECT_GT(refused - none, 15);  // a row of its own, below the levels
  EXPECT_LT(std::fabs(cross - refused), 2) << svg;
  EXPECT_GT(std::fabs(cross - none), 10);
  // A sweep with nothing refused has no such band.
  EXPECT_FALSE(
      has(sweep_svg(sweep("aws-frontier", {"actors.oc3.dwell=5d,10d"}, {}, "OC3")), "refused"));
}

TEST(SweepPlot, ADenseHeatMapThinsItsColumnsAndNamesItsCeilingShades) {
  // 25 x 40 points: the audit's illegible grid, made by hand.
  std::vector<std::vector<double>> p;
  for (int i = 0; i < 25 * 40; ++i) p.push_back({(i % 40) / 80.0});
  SweepResult s = known_sweep(
      {"actors.oc3.foothold_rate=0.5/y..20/y:25:log", "actors.oc3.dwell=1d..365d:40:log"}, {"oc3"},
      p);
  for (GridPoint& g : s.points) g.ceiling = g.values[1] < 16 ? 3 : 2;
  const std::string svg = sweep_svg(s);
  // The column labels (turned by 40 degrees) of the first panel, left to right.
  std::vector<double> xs;
  double label_y = 0;
  const std::string panel = svg.substr(0, svg.find("exposure ceiling (the highest"));
  for (std::size_t at = panel.find("rotate(-40"); at != std::string::npos;
       at = panel.find("rotate(-40", at + 1)) {
    const std::size_t start = panel.rfind("<text ", at);
    xs.push_back(attribute(panel.substr(start, at - start), "x"));
    label_y = attribute(panel.substr(start, at - start), "y");
  }
  ASSERT_GE(xs.size(), 10u);
  EXPECT_LT(xs.size(), 40u);  // thinned
  // Neighbours far enough apart that 11 px labels turned by 40 degrees do not touch.
  for (std::size_t k = 1; k < xs.size(); ++k)
    EXPECT_GE((xs[k] - xs[k - 1]) * std::sin(40 * M_PI / 180), 13) << k;
  // The axis title just under the labels (five characters: about 30 px of them).
  const double title_y =
      text_position(panel, "actors.oc3.dwell (days, log scale)", "middle").second;
  EXPECT_GT(title_y - label_y, 30);
  EXPECT_LT(title_y - label_y, 50);
  // The ceiling panel's legend names each level drawn, highest first.
  const std::string ceiling = svg.substr(svg.find("exposure ceiling (the highest"));
  const std::size_t legend = ceiling.find(">kept out</text>");
  ASSERT_NE(legend, std::string::npos) << ceiling;
  const std::size_t oc3 = ceiling.find(">OC3</text>", legend),
                    oc2 = ceiling.find(">OC2</text>", legend);
  EXPECT_NE(oc3, std::string::npos);
  EXPECT_NE(oc2, std::string::npos);
  EXPECT_LT(oc3, oc2);
  EXPECT_EQ(ceiling.find(">OC4</text>", legend), std::string::npos);  // not drawn, not listed
  EXPECT_EQ(ceiling.find(">refused</text>", legend), std::string::npos);
}

TEST(SweepPlot, ABandwidthAxisTitleNestsNoBrackets) {
  SweepResult s = known_sweep({"actors.oc3.read_bandwidth=1GB/s..100GB/s:3:log"}, {"oc3"},
                              {{0.1}, {0.2}, {0.3}});
  EXPECT_TRUE(has(sweep_svg(s),
                  ">actors.oc3.read_bandwidth (GB/s = 1e9 bytes per second, log scale)</text>"))
      << sweep_svg(s);
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

TEST(SweepPlot, ThePagesTableHasTheCcColumnAndOnlyALineChartHasBars) {
  // silo-hopper states a workload on a GPU: the text table's CC column is the page's too.
  const SweepResult heat =
      sweep("silo-hopper", {"platform.gpu=h100,b200", "actors.oc4.dwell=30d,90d"}, {}, "OC4");
  const std::string html = sweep_html(heat);
  EXPECT_TRUE(has(html, "<th>CC extra run time</th>")) << html;
  EXPECT_TRUE(has(html, "<td>" + cc_extra_run_time(heat.points[0]) + "</td>"));
  EXPECT_TRUE(has(html, "<td colspan=\"4\">refused: "));  // the refused rows span it too
  EXPECT_FALSE(has(html, "bars:"));                       // a heat map has none
  const SweepResult line = sweep("aws-frontier", {"actors.oc3.dwell=5d,10d"}, {}, "OC3");
  EXPECT_TRUE(has(sweep_html(line), "bars: 95% Wilson interval"));
  EXPECT_FALSE(has(sweep_html(line), "CC extra run time"));  // no workload stated
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

TEST(TornadoPlot, NamesEveryStepInFullAndMarksWhatCannotMoveTheActor) {
  SensitivityOptions o;
  o.simulation.trials = 300;
  const SensitivityResult r = run_sensitivity(bundled_catalog(), scenario_path("silo-hopper"), o);
  const std::string svg = tornado_svg(r);
  EXPECT_FALSE(has(svg, "\u2026")) << "a label was cut";
  bool long_label = false, same = false;
  for (std::size_t i = 0; i < std::min<std::size_t>(r.effects.size(), 25); ++i) {
    const AssumptionEffect& e = r.effects[i];
    const std::string label = assumption_label(e.assumption);
    long_label |= label.size() > 52;  // cut before
    EXPECT_TRUE(has(svg, ">" + label + "</text>")) << label;
    EXPECT_TRUE(has(svg, ">" + assumption_range(e.assumption, r.factor) + "</text>"));
    same |= !e.simulated;
  }
  EXPECT_TRUE(long_label);  // "firmware_compromise through host_dram.cpu_tee: extra step"
  // Rows whose assumption cannot move the actor say so, and the legend says what that means.
  ASSERT_TRUE(same);
  EXPECT_TRUE(has(svg, ">(same)</text>"));
  EXPECT_TRUE(has(svg, "(same): the assumption cannot move OC4&#39;s routes") ||
              has(svg, "(same): the assumption cannot move OC4's routes"))
      << svg;
  EXPECT_TRUE(has(tornado_html(r), "<td>(same)</td>"));
}

}  // namespace
}  // namespace plainsight
