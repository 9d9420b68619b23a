#include "report/sweep_plot.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "core/quantity.h"
#include "report/escaping.h"
#include "report/plot_axis.h"
#include "report/plot_svg.h"
#include "report/sweep_report.h"
#include "report/threat_phrases.h"

namespace plainsight {
namespace {

constexpr const char* kMuted = "#555555";
constexpr const char* kGrid = "#e3e3e3";
constexpr const char* kRefused = "#b00020";
// A panel's frame; the class lets a test find where the data is drawn.
constexpr const char* kPanel = "class=\"panel\" stroke=\"#888888\"";

DisplayUnit unit_of(const SweepAxis& a) {
  return a.numeric() ? display_unit(a.quantity, a.numbers) : DisplayUnit{};
}

// "actors.oc3.dwell (days)", "platform.gpu", "asset.parameters (number)".
std::string axis_title(const SweepAxis& a) {
  const DisplayUnit u = unit_of(a);
  if (!a.numeric()) return a.key;
  if (u.words.empty()) return a.key + " (number)";
  return fmt::format("{} ({}{})", a.key, u.words, a.log ? ", log scale" : "");
}

// The label of value `i` on an axis: the number in the axis unit, or the value as set.
std::string value_label(const SweepAxis& a, std::size_t i) {
  if (!a.numeric()) return a.texts[i];
  return tick_text(a.numbers[i] / unit_of(a).scale);
}

std::string p_title(const SweepResult& s) {
  return fmt::format("P(full copy within the horizon{})",
                     s.horizon_s > 0 ? ", " + format_duration(s.horizon_s) : std::string());
}

// The trials and seed; a line chart also says what its bars are (a heat map has none).
std::string subtitle(const SweepResult& s) {
  return fmt::format("{} trials per point and actor, seed {}{}{}",
                     format_count(static_cast<double>(s.trials)), s.seed,
                     s.draw_parameters ? "; actor parameters drawn from their ranges" : "",
                     s.axes.size() == 1 ? "; bars: 95% Wilson interval" : "");
}

// The most any interval reaches, as the P axis' top (at least a little above zero).
double p_top(const SweepResult& s) {
  double top = 0;
  for (const GridPoint& p : s.points)
    for (const SweepActorResult& a : p.actors) top = std::max(top, a.ci_high);
  return top > 0 ? std::min(1.0, top) : 1.0;
}

// A line chart's geometry: the P panel above the ceiling panel, the points' x positions
// (on a numeric axis, or evenly spaced words).
struct LineChart {
  // kCH is the ceiling levels' part of the lower panel; a band for refused points (kBand)
  // is added under it when there are any, so that no refused point sits on a level.
  static constexpr double kW = 820, kLeft = 86, kPlotW = 560, kTop = 82, kPH = 300, kGap = 40,
                          kCH = 110, kInset = 9, kBand = 26;
  static constexpr double kRight = kLeft + kPlotW;
  static constexpr double kCTop = kTop + kPH + kGap;  // the ceiling panel's top

  explicit LineChart(const SweepResult& s)
      : ax(s.axes[0]),
        n(ax.texts.size()),
        // Words on the x axis are turned when they would not fit side by side, and need more
        // room.
        turn(!ax.numeric() &&
             (n > 8 || std::any_of(ax.texts.begin(), ax.texts.end(),
                                   [](const std::string& t) { return t.size() > 8; }))),
        refused(std::any_of(s.points.begin(), s.points.end(),
                            [](const GridPoint& p) { return p.refused; })),
        ch(kCH + (refused ? kBand : 0)),
        height(kTop + kPH + kGap + ch + (turn ? 120 : 64)),
        xs(n),
        yaxis(0, p_top(s), kTop + kPH, kTop, false) {
    const DisplayUnit u = unit_of(ax);
    if (ax.numeric()) {
      const auto [lo, hi] = std::minmax_element(ax.numbers.begin(), ax.numbers.end());
      xaxis.emplace(*lo / u.scale, *hi / u.scale, kLeft, kRight, ax.log);
      for (std::size_t i = 0; i < n; ++i) xs[i] = xaxis->at(ax.numbers[i] / u.scale);
    } else {
      for (std::size_t i = 0; i < n; ++i) xs[i] = kLeft + (i + 0.5) * kPlotW / n;
    }
    dodge(s);
  }

  // Markers that would cover each other (two actors at the same P, often 0) are set side by
  // side, kDodge apart around the point's x, so that every actor's marker shows; the lines
  // keep the true x.
  void dodge(const SweepResult& s) {
    dx.assign(n, std::vector<double>(s.actors.size(), 0));
    for (std::size_t i = 0; i < n; ++i) {
      const GridPoint& p = s.points[i];
      if (p.refused) continue;
      std::vector<std::pair<double, std::size_t>> ys;  // (pixel y, actor)
      for (std::size_t j = 0; j < p.actors.size(); ++j)
        ys.push_back({yaxis.at(p.actors[j].probability), j});
      std::stable_sort(ys.begin(), ys.end());
      for (std::size_t a = 0; a < ys.size();) {
        std::size_t b = a + 1;  // [a, b): a run of markers closer than kOverlap to the last
        while (b < ys.size() && ys[b].first - ys[b - 1].first < kOverlap) ++b;
        std::vector<std::size_t> run;
        for (std::size_t k = a; k < b; ++k) run.push_back(ys[k].second);
        std::sort(run.begin(), run.end());  // by level, left to right
        for (std::size_t k = 0; k < run.size(); ++k)
          dx[i][run[k]] =
              (static_cast<double>(k) - (static_cast<double>(run.size()) - 1) / 2) * kDodge;
        a = b;
      }
    }
  }
  // A ceiling level's row (OC5 at the top, none at the bottom), and the refused band's middle.
  double cy(int level) const { return kCTop + kInset + (5 - level) * (kCH - 2 * kInset) / 5; }
  double refused_y() const { return kCTop + kCH + kBand / 2; }

  const SweepAxis& ax;
  const std::size_t n;
  const bool turn;
  const bool refused;  // some point is refused: the lower panel has a band for them
  const double ch;     // the lower panel's height
  const double height;
  std::vector<double> xs;
  std::optional<PlotAxis> xaxis;  // a numeric axis
  const PlotAxis yaxis;
  std::vector<std::vector<double>> dx;  // per point and actor, its marker's shift (dodge)
  static constexpr double kOverlap = 6, kDodge = 8;
};

// The titles, the P panel's grid and ticks, the x ticks under both panels (labels under the
// ceiling panel), and both frames.
std::string line_chart_frame(const SweepResult& s, const LineChart& c) {
  using L = LineChart;
  std::string out =
      svg_open(L::kW, c.height, fmt::format("{}: {} by {}", s.scenario, p_title(s), c.ax.key));
  out += svg_text(16, 24, s.scenario, 15, "start", 0, "font-weight=\"bold\"");
  out +=
      svg_text(16, 44, fmt::format("{} and the exposure ceiling by {}", p_title(s), c.ax.key), 13);
  out += svg_text(16, 62, subtitle(s), 11, "start", 0, "fill=\"#444444\"");
  for (double t : c.yaxis.ticks()) {
    const double y = c.yaxis.at(t);
    out += svg_line(L::kLeft, y, L::kRight, y, kGrid);
    out += svg_text(L::kLeft - 6, y + 4, tick_text(t), 11, "end");
  }
  out += svg_text(22, L::kTop + L::kPH / 2, p_title(s), 12, "middle", -90);
  std::vector<std::pair<double, std::string>> xticks;
  if (c.xaxis)
    for (double t : c.xaxis->ticks()) xticks.push_back({c.xaxis->at(t), tick_text(t)});
  else
    for (std::size_t i = 0; i < c.n; ++i) xticks.push_back({c.xs[i], c.ax.texts[i]});
  const std::size_t every = std::max<std::size_t>(1, (xticks.size() + 19) / 20);
  for (std::size_t k = 0; k < xticks.size(); ++k) {
    const auto& [x, label] = xticks[k];
    out += svg_line(x, L::kTop, x, L::kTop + L::kPH, kGrid);
    out += svg_line(x, L::kCTop, x, L::kCTop + c.ch, kGrid);
    if (k % every == 0)
      out += c.turn ? svg_text(x, L::kCTop + c.ch + 16, label, 11, "end", -40)
                    : svg_text(x, L::kCTop + c.ch + 18, label, 11, "middle");
  }
  out += svg_text(L::kLeft + L::kPlotW / 2, c.height - 18, axis_title(c.ax), 12, "middle");
  out += svg_rect(L::kLeft, L::kTop, L::kPlotW, L::kPH, "none", kPanel);
  out += svg_rect(L::kLeft, L::kCTop, L::kPlotW, c.ch, "none", kPanel);
  return out;
}

// Actor j's series: lines between neighbouring points, the interval as a bar, and its entry
// in the legend right of the panel.
std::string line_chart_series(const SweepResult& s, const LineChart& c, std::size_t j) {
  // An actor keeps its colour and marker whichever actors are drawn with it: by its level.
  const std::size_t series = static_cast<std::size_t>(std::max(0, s.levels[j] - 1));
  const std::string colour = series_colour(series);
  // The marks of one actor in a group of their own: what a reader (or a test) looks for.
  std::string out = fmt::format("<g class=\"series\" data-actor=\"{}\">\n",
                                html_text(actor_tag(s.actors[j]))),
              path;
  bool open = false;
  for (std::size_t i = 0; i < c.n; ++i) {
    const GridPoint& p = s.points[i];
    if (p.refused || j >= p.actors.size()) {
      open = false;
      continue;
    }
    path += fmt::format("{}{:.1f},{:.1f} ", open ? "L" : "M", c.xs[i],
                        c.yaxis.at(p.actors[j].probability));
    open = true;
  }
  if (!path.empty())
    out += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.8\"/>\n", path,
                       colour);
  for (std::size_t i = 0; i < c.n; ++i) {
    const GridPoint& p = s.points[i];
    if (p.refused || j >= p.actors.size()) continue;
    const SweepActorResult& a = p.actors[j];
    const double x = c.xs[i] + c.dx[i][j], lo = c.yaxis.at(a.ci_low), hi = c.yaxis.at(a.ci_high);
    out += svg_line(x, lo, x, hi, colour, 1.2);
    out += svg_line(x - 3, lo, x + 3, lo, colour, 1.2);
    out += svg_line(x - 3, hi, x + 3, hi, colour, 1.2);
    out += series_marker(series, x, c.yaxis.at(a.probability), 3.5);
  }
  out += "</g>\n";
  const double ly = LineChart::kTop + 10 + 20 * static_cast<double>(j);
  out += series_marker(series, LineChart::kRight + 22, ly - 4, 4);
  out += svg_text(LineChart::kRight + 34, ly, actor_tag(s.actors[j]), 12);
  return out;
}

// The ceiling panel: OC levels, a step per point; refused points marked in both panels.
std::string line_chart_ceiling(const SweepResult& s, const LineChart& c) {
  using L = LineChart;
  std::string out;
  for (int level = 0; level <= 5; ++level) {
    out += svg_line(L::kLeft, c.cy(level), L::kRight, c.cy(level), kGrid);
    out += svg_text(L::kLeft - 6, c.cy(level) + 4, ceiling_label(level), 10, "end");
  }
  if (c.refused) {
    // Refused points have no ceiling: a band of their own under the levels, apart from "none".
    out += svg_rect(L::kLeft, L::kCTop + L::kCH, L::kPlotW, L::kBand, "#fbeaec");
    out += svg_line(L::kLeft, L::kCTop + L::kCH, L::kRight, L::kCTop + L::kCH, "#888888", 1,
                    "stroke-dasharray=\"3 3\"");
    out += svg_text(L::kLeft - 6, c.refused_y() + 4, "refused", 10, "end", 0,
                    fmt::format("fill=\"{}\"", kRefused));
  }
  out += svg_text(22, L::kCTop + c.ch / 2, "exposure ceiling", 12, "middle", -90);
  // The ceiling is a level, not a quantity between points: drawn as steps, changing halfway.
  std::string steps;
  bool open = false;
  double last_x = 0;
  for (std::size_t i = 0; i < c.n; ++i) {
    const GridPoint& p = s.points[i];
    const double x = c.xs[i];
    if (p.refused) {
      open = false;
      const std::string red = fmt::format("fill=\"{}\"", kRefused);
      out += svg_text(x + 4, L::kTop + L::kPH - 8, "refused", 10, "start", -90, red);
      out += svg_text(x, c.refused_y() + 5, "\u00d7", 14, "middle", 0, red);
      continue;
    }
    if (open)
      steps += fmt::format("H{:.1f} V{:.1f} H{:.1f} ", (last_x + x) / 2, c.cy(p.ceiling), x);
    else
      steps += fmt::format("M{:.1f},{:.1f} ", x, c.cy(p.ceiling));
    open = true;
    last_x = x;
    out += svg_rect(x - 3, c.cy(p.ceiling) - 3, 6, 6, kMuted);
  }
  if (!steps.empty())
    out += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.5\"/>\n", steps,
                       kMuted);
  return out;
}

std::string line_chart(const SweepResult& s) {
  const LineChart c(s);
  std::string out = line_chart_frame(s, c);
  for (std::size_t j = 0; j < s.actors.size(); ++j) out += line_chart_series(s, c, j);
  out += line_chart_ceiling(s, c);
  out += svg_close();
  return out;
}

// A heat map's geometry: the rows (first axis) and columns (second) of a panel's cells, a
// panel per simulated actor then one for the exposure ceiling, and the colour scale: zero to
// the highest P, rounded up to a tick.
struct HeatMap {
  static constexpr double kLeft = 170, kTop = 82, kTitle = 26, kGap = 18;
  // The column labels are turned by 40 degrees: neighbours are cw * sin(40) apart across their
  // baselines, and a label of n characters reaches about 4.2 n pixels down (6.5 px a character
  // at 11 px, times sin(40)).
  static constexpr double kTurn = 0.643, kLabelGap = 14, kPerChar = 4.2;

  explicit HeatMap(const SweepResult& s)
      : rows(s.axes[0]),
        cols(s.axes[1]),
        nr(rows.texts.size()),
        nc(cols.texts.size()),
        cw(std::clamp(600.0 / static_cast<double>(nc), 4.0, 90.0)),
        ch(std::clamp(320.0 / static_cast<double>(nr), 4.0, 36.0)),
        pw(cw * static_cast<double>(nc)),
        ph(ch * static_cast<double>(nr)),
        row_every(std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(13 / ch)))),
        col_every(std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(14 / (cw * kTurn))))),
        labels_h(kLabelGap + kPerChar * static_cast<double>(longest_column_label()) + 8),
        panel(kTitle + ph + labels_h + 22 + kGap),
        scale(0, highest_p(s), 0, 1, false),
        refused(std::any_of(s.points.begin(), s.points.end(),
                            [](const GridPoint& p) { return p.refused; })) {}

  // The characters of the longest column label drawn.
  std::size_t longest_column_label() const {
    std::size_t n = 0;
    for (std::size_t c = 0; c < nc; c += col_every) n = std::max(n, value_label(cols, c).size());
    return n;
  }

  static double highest_p(const SweepResult& s) {
    double vmax = 0;
    for (const GridPoint& p : s.points)
      for (const SweepActorResult& a : p.actors) vmax = std::max(vmax, a.probability);
    return vmax > 0 ? vmax : 1;
  }
  double panel_top(std::size_t k) const { return kTop + panel * static_cast<double>(k); }
  double x_of(std::size_t c) const { return kLeft + cw * static_cast<double>(c); }
  double y_of(double y0, std::size_t r) const { return y0 + ch * static_cast<double>(r); }

  // The axes' labels and titles, under and beside a panel whose cells start at y0.
  // Thinned as the rows are, so that no two labels overlap; the axis title just under the
  // labels.
  std::string axes(double y0) const {
    std::string a;
    for (std::size_t r = 0; r < nr; r += row_every)
      a += svg_text(kLeft - 6, y0 + ch * (static_cast<double>(r) + 0.5) + 4, value_label(rows, r),
                    11, "end");
    for (std::size_t c = 0; c < nc; c += col_every)
      a += svg_text(kLeft + cw * (static_cast<double>(c) + 0.5), y0 + ph + kLabelGap,
                    value_label(cols, c), 11, "end", -40);
    a += svg_text(18, y0 + ph / 2, axis_title(rows), 12, "middle", -90);
    a += svg_text(kLeft + pw / 2, y0 + ph + labels_h + 14, axis_title(cols), 12, "middle");
    return a;
  }

  const SweepAxis& rows;
  const SweepAxis& cols;
  const std::size_t nr, nc;
  const double cw, ch;                     // a cell
  const double pw, ph;                     // a panel's cells
  const std::size_t row_every, col_every;  // every how many rows and columns is labelled
  const double labels_h;                   // the column labels' height under the cells
  const double panel;                      // a panel's height, title and labels included
  const PlotAxis scale;
  const bool refused;  // some point is refused: the legends say what grey means
};

// A ceiling level's grey in the heat map, lighter for lower levels.
std::string ceiling_grey(int level) {
  const int grey = static_cast<int>(std::lround(245 - 170 * level / 5.0));
  return fmt::format("#{0:02x}{0:02x}{0:02x}", grey);
}

// Refused cells: a pale red, apart from both the blues of P and the greys of the ceiling levels.
constexpr const char* kRefusedFill = "#f2c4ca";

// Actor j's panel: a cell per point coloured by P (written where the cells are large
// enough), refused points grey, and the colour scale as a legend.
std::string heat_map_actor(const SweepResult& s, const HeatMap& h, std::size_t j) {
  const double top = h.panel_top(j);
  const double y0 = top + HeatMap::kTitle;
  const double top_value = h.scale.hi();
  const bool digits = h.cw >= 38 && h.ch >= 15;
  std::string out =
      svg_text(HeatMap::kLeft, top + 16,
               fmt::format("{}: {}", j < s.actors.size() ? actor_tag(s.actors[j]) : "", p_title(s)),
               13, "start", 0, "font-weight=\"bold\"");
  out += fmt::format("<g class=\"cells\" data-actor=\"{}\">\n",
                     j < s.actors.size() ? html_text(actor_tag(s.actors[j])) : "");
  for (std::size_t r = 0; r < h.nr; ++r)
    for (std::size_t c = 0; c < h.nc; ++c) {
      const GridPoint& p = s.points[r * h.nc + c];
      const double x = h.x_of(c), y = h.y_of(y0, r);
      if (p.refused || j >= p.actors.size()) {
        out += svg_rect(x, y, h.cw, h.ch, kRefusedFill, "stroke=\"#ffffff\" stroke-width=\"0.5\"");
        if (h.cw >= 10 && h.ch >= 10)
          out += svg_text(x + h.cw / 2, y + h.ch / 2 + 4, "\u00d7", std::min(12.0, h.ch), "middle");
        continue;
      }
      const double t = p.actors[j].probability / top_value;
      out += svg_rect(x, y, h.cw, h.ch, heat_colour(t), "stroke=\"#ffffff\" stroke-width=\"0.5\"");
      if (digits)
        out += svg_text(x + h.cw / 2, y + h.ch / 2 + 4,
                        fmt::format("{:.{}f}", p.actors[j].probability, top_value < 0.1 ? 3 : 2),
                        10, "middle", 0, heat_dark(t) ? "fill=\"#ffffff\"" : "");
    }
  out += "</g>\n";
  out += h.axes(y0);
  // The legend: the scale as a bar of swatches, and what a grey cell means.
  const double lx = HeatMap::kLeft + h.pw + 24, ph = h.ph;
  constexpr int kSteps = 40;
  for (int k = 0; k < kSteps; ++k)
    out += svg_rect(lx, y0 + ph - ph * (k + 1) / kSteps, 14, ph / kSteps + 0.5,
                    heat_colour((k + 0.5) / kSteps));
  for (double t : h.scale.ticks()) {
    const double y = y0 + ph - ph * t / top_value;
    out += svg_line(lx + 14, y, lx + 18, y, "#333333");
    out += svg_text(lx + 21, y + 4, tick_text(t), 10);
  }
  out += svg_text(lx, y0 - 6, "P", 11);
  if (h.refused) {
    out += svg_rect(lx, y0 + ph + 10, 14, 10, kRefusedFill);
    out += svg_text(lx + 20, y0 + ph + 19, "refused", 10);
  }
  return out;
}

// The exposure ceiling's panel: grey by level (darker: more actors kept out), the level
// written.
std::string heat_map_ceiling(const SweepResult& s, const HeatMap& h) {
  const double top = h.panel_top(s.actors.size());
  const double y0 = top + HeatMap::kTitle;
  std::string out =
      svg_text(HeatMap::kLeft, top + 16, "exposure ceiling (the highest OC level kept out)", 13,
               "start", 0, "font-weight=\"bold\"");
  std::set<int> shown;  // the levels drawn, for the legend
  out += "<g class=\"cells\" data-panel=\"ceiling\">\n";
  for (std::size_t r = 0; r < h.nr; ++r)
    for (std::size_t c = 0; c < h.nc; ++c) {
      const GridPoint& p = s.points[r * h.nc + c];
      const double x = h.x_of(c), y = h.y_of(y0, r);
      if (!p.refused) shown.insert(p.ceiling);
      out += svg_rect(x, y, h.cw, h.ch, p.refused ? kRefusedFill : ceiling_grey(p.ceiling),
                      "stroke=\"#ffffff\" stroke-width=\"0.5\"");
      if (h.cw >= 26 && h.ch >= 12)
        out += svg_text(x + h.cw / 2, y + h.ch / 2 + 4,
                        p.refused ? "\u00d7" : ceiling_label(p.ceiling), 10, "middle", 0,
                        !p.refused && p.ceiling / 5.0 > 0.55 ? "fill=\"#ffffff\"" : "");
    }
  out += "</g>\n";
  out += h.axes(y0);
  // The legend: each level drawn, highest first, then refused.
  const double lx = HeatMap::kLeft + h.pw + 24;
  double ly = y0;
  out += svg_text(lx, ly - 6, "kept out", 11);
  for (auto it = shown.rbegin(); it != shown.rend(); ++it, ly += 16) {
    out += svg_rect(lx, ly, 14, 12, ceiling_grey(*it), "stroke=\"#888888\" stroke-width=\"0.5\"");
    out += svg_text(lx + 20, ly + 10, ceiling_label(*it), 10);
  }
  if (h.refused) {
    out += svg_rect(lx, ly, 14, 12, kRefusedFill);
    out += svg_text(lx + 20, ly + 10, "refused", 10);
  }
  return out;
}

std::string heat_map(const SweepResult& s) {
  const HeatMap h(s);
  const double width = std::max(760.0, HeatMap::kLeft + h.pw + 150);
  const double height = h.panel_top(s.actors.size() + 1) + 10;
  const std::string title =
      fmt::format("{}: {} by {} and {}", s.scenario, p_title(s), h.rows.key, h.cols.key);
  std::string out = svg_open(width, height, title);
  out += svg_text(16, 24, s.scenario, 15, "start", 0, "font-weight=\"bold\"");
  out += svg_text(
      16, 44,
      fmt::format("{} and the exposure ceiling by {} and {}", p_title(s), h.rows.key, h.cols.key),
      13);
  out += svg_text(16, 62, subtitle(s), 11, "start", 0, "fill=\"#444444\"");
  for (std::size_t j = 0; j < s.actors.size(); ++j) out += heat_map_actor(s, h, j);
  out += heat_map_ceiling(s, h);
  out += svg_close();
  return out;
}

}  // namespace

std::string sweep_svg(const SweepResult& s) {
  return s.axes.size() == 1 ? line_chart(s) : heat_map(s);
}

std::string sweep_html(const SweepResult& s) {
  std::string table = "<table>\n<thead><tr>";
  for (const SweepAxis& a : s.axes) table += "<th>" + html_text(axis_title(a)) + "</th>";
  table += "<th>ceiling</th><th>plaintext total</th>";
  const bool cc = std::any_of(s.points.begin(), s.points.end(),
                              [](const GridPoint& p) { return p.run_off_s.has_value(); });
  if (cc) table += "<th>CC extra run time</th>";
  for (const std::string& id : s.actors)
    table += "<th>P " + html_text(actor_tag(id)) + " (95%)</th>";
  table += "</tr></thead>\n<tbody>\n";
  for (const GridPoint& p : s.points) {
    table += "<tr>";
    for (std::size_t k = 0; k < s.axes.size(); ++k)
      table += "<td>" + html_text(s.axes[k].texts[p.values[k]]) + "</td>";
    if (p.refused) {
      table += fmt::format("<td colspan=\"{}\">refused: {}</td></tr>\n",
                           2 + (cc ? 1 : 0) + s.actors.size(), html_text(p.refusal));
      continue;
    }
    table += "<td>" + ceiling_label(p.ceiling) + "</td><td>" +
             html_text(format_duration(p.plaintext_total_s)) + "</td>";
    if (cc) table += "<td>" + html_text(cc_extra_run_time(p)) + "</td>";
    for (const SweepActorResult& a : p.actors)
      table += fmt::format("<td>{:.4f} ({:.4f}..{:.4f})</td>", a.probability, a.ci_low, a.ci_high);
    table += "</tr>\n";
  }
  table += "</tbody>\n</table>";
  std::string keys;
  for (const SweepAxis& a : s.axes) keys += (keys.empty() ? "" : " and ") + a.key;
  return plot_page(fmt::format("{}: sweep of {}", s.scenario, keys), sweep_svg(s),
                   html_text(subtitle(s)), table);
}

}  // namespace plainsight
