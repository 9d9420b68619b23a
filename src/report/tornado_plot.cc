#include "report/tornado_plot.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/quantity.h"
#include "report/escaping.h"
#include "report/plot_axis.h"
#include "report/plot_svg.h"
#include "report/sensitivity_report.h"
#include "report/shortened.h"
#include "report/sweep_report.h"
#include "report/threat_phrases.h"

namespace plainsight {
namespace {

constexpr std::size_t kMaxRows = 25;
constexpr const char* kLow = "#56B4E9";   // the low end of a range
constexpr const char* kHigh = "#D55E00";  // the high end
constexpr const char* kGrid = "#e3e3e3";

std::string title_of(const SensitivityResult& r) {
  return fmt::format("{}: what decides {}'s P(full copy within {}) and the ceiling", r.scenario,
                     actor_tag(r.actor), format_duration(r.horizon_s));
}

std::string flips_text(const SensitivityResult& r, const AssumptionEffect& e) {
  std::string flips;
  for (const VerdictFlip& f : e.flips) flips += (flips.empty() ? "" : "; ") + flip_phrase(r, e, f);
  return flips.empty() ? "-" : flips;
}

}  // namespace

std::string tornado_svg(const SensitivityResult& r) {
  const std::size_t rows = std::min(r.effects.size(), kMaxRows);
  constexpr double kPW = 300, kGap = 36, kCW = 150, kRowH = 26, kTop = 100, kLeft = 12;
  // The label and flip columns as wide as their longest text, so that every stage and step is
  // named in full (a guard of kMaxLabel characters against a pathological id).
  constexpr std::size_t kMaxLabel = 120;
  double label_w = 330, flip_w = 230;
  for (std::size_t i = 0; i < rows; ++i) {
    const AssumptionEffect& e = r.effects[i];
    label_w = std::max(
        {label_w, text_width(shortened(assumption_label(e.assumption), kMaxLabel), 11) + 16,
         text_width(shortened(assumption_range(e.assumption, r.factor), kMaxLabel), 9) + 16});
    flip_w = std::max(flip_w, text_width(shortened(flips_text(r, e), kMaxLabel), 10) + 12);
  }
  const double px = kLeft + label_w, cx = px + kPW + kGap, fx = cx + kCW + 16;
  const double width = fx + flip_w;
  const double height = kTop + kRowH * static_cast<double>(std::max<std::size_t>(rows, 1)) + 108;
  const double bottom = kTop + kRowH * static_cast<double>(std::max<std::size_t>(rows, 1));
  // The P axis spans every end, the baseline and (where near) the threshold.
  double lo = r.baseline.probability, hi = r.baseline.probability;
  for (std::size_t i = 0; i < rows; ++i)
    for (double p : {r.effects[i].at_low.probability, r.effects[i].at_high.probability})
      lo = std::min(lo, p), hi = std::max(hi, p);
  if (r.threshold >= lo - (hi - lo) && r.threshold <= hi + (hi - lo))
    lo = std::min(lo, r.threshold), hi = std::max(hi, r.threshold);
  if (hi - lo < 0.02) lo = std::max(0.0, lo - 0.01), hi = std::min(1.0, hi + 0.01);
  const PlotAxis pa(std::max(0.0, lo), std::min(1.0, hi), px, px + kPW, false);
  auto cxl = [&](int level) { return cx + kCW * level / 5.0; };
  std::string out = svg_open(width, height, title_of(r));
  out += svg_text(kLeft, 24, title_of(r), 15, "start", 0, "font-weight=\"bold\"");
  out += svg_text(kLeft, 44, decisive_sentence(r), 11, "start", 0, "fill=\"#222222\"");
  out +=
      svg_text(kLeft, 62,
               fmt::format("baseline: ceiling {}, P = {:.4f}; {} trials per simulation, seed {}; "
                           "upper bar: the low end of the range, lower bar: the high end",
                           ceiling_label(r.baseline.ceiling), r.baseline.probability,
                           format_count(static_cast<double>(r.trials)), r.seed),
               11, "start", 0, "fill=\"#444444\"");
  // Column heads.
  out += svg_text(kLeft, kTop - 10, "assumption (range)", 12, "start", 0, "font-weight=\"bold\"");
  out += svg_text(px + kPW / 2, kTop - 10, "P(full copy)", 12, "middle", 0, "font-weight=\"bold\"");
  out += svg_text(cx + kCW / 2, kTop - 10, "exposure ceiling", 12, "middle", 0,
                  "font-weight=\"bold\"");
  out += svg_text(fx, kTop - 10, "verdict flips at", 12, "start", 0, "font-weight=\"bold\"");
  // Stripes under every other row, then the grids and axes over them.
  for (std::size_t i = 1; i < rows; i += 2)
    out += svg_rect(kLeft, kTop + kRowH * static_cast<double>(i), width - kLeft, kRowH, "#f4f4f4");
  for (double t : pa.ticks()) {
    out += svg_line(pa.at(t), kTop, pa.at(t), bottom, kGrid);
    out += svg_text(pa.at(t), bottom + 16, tick_text(t), 10, "middle");
  }
  for (int level = 0; level <= 5; ++level) {
    out += svg_line(cxl(level), kTop, cxl(level), bottom, kGrid);
    out += svg_text(cxl(level), bottom + 16, ceiling_label(level), 10, "middle");
  }
  out += svg_text(
      px + kPW / 2, bottom + 34,
      fmt::format("P(full copy within {}), {}", format_duration(r.horizon_s), actor_tag(r.actor)),
      12, "middle");
  out += svg_text(cx + kCW / 2, bottom + 34, "OC level kept out", 12, "middle");
  bool unmoved = false;  // some row's assumption cannot move the actor's routes
  for (std::size_t i = 0; i < rows; ++i) {
    const AssumptionEffect& e = r.effects[i];
    const double y = kTop + kRowH * static_cast<double>(i);
    out += svg_text(kLeft, y + 11, shortened(assumption_label(e.assumption), kMaxLabel), 11);
    out += svg_text(kLeft, y + 23, shortened(assumption_range(e.assumption, r.factor), kMaxLabel),
                    9, "start", 0, "fill=\"#555555\"");
    out += "<g class=\"bars\">\n";
    // P: from the baseline to each end; not simulated where the assumption cannot move the
    // actor's routes, which is said in words rather than drawn as a zero.
    const double b = pa.at(r.baseline.probability);
    for (int side = 0; side < 2 && e.simulated; ++side) {
      const double p = side == 0 ? e.at_low.probability : e.at_high.probability;
      const double x = pa.at(p);
      out += svg_rect(std::min(b, x), y + 4 + 9 * side, std::max(std::abs(x - b), 1.0), 8,
                      side == 0 ? kLow : kHigh);
    }
    // The ceiling: from the baseline level to each end's.
    const double cb = cxl(r.baseline.ceiling);
    for (int side = 0; side < 2; ++side) {
      const int level = side == 0 ? e.at_low.ceiling : e.at_high.ceiling;
      out += svg_rect(std::min(cb, cxl(level)), y + 4 + 9 * side,
                      std::max(std::abs(cxl(level) - cb), 1.0), 8, side == 0 ? kLow : kHigh);
    }
    out += "</g>\n";
    if (!e.simulated) {
      unmoved = true;
      out += svg_text(px + 6, y + 16, "(same)", 10, "start", 0,
                      "fill=\"#555555\" font-style=\"italic\"");
    }
    out += svg_text(fx, y + 16, shortened(flips_text(r, e), kMaxLabel), 10);
  }
  // The baseline and the threshold over the rows.
  out += svg_line(pa.at(r.baseline.probability), kTop - 4, pa.at(r.baseline.probability), bottom,
                  "#111111", 1.5);
  if (r.threshold >= pa.lo() && r.threshold <= pa.hi()) {
    out += svg_line(pa.at(r.threshold), kTop - 4, pa.at(r.threshold), bottom, "#b00020", 1.2,
                    "stroke-dasharray=\"4 3\"");
    out += svg_text(pa.at(r.threshold), bottom + 48, fmt::format("threshold {:g}", r.threshold), 10,
                    "middle", 0, "fill=\"#b00020\"");
  }
  out +=
      svg_line(cxl(r.baseline.ceiling), kTop - 4, cxl(r.baseline.ceiling), bottom, "#111111", 1.5);
  // Legend and what was left out.
  const double ly = height - 44;
  out += svg_rect(kLeft, ly - 9, 14, 9, kLow);
  out += svg_text(kLeft + 20, ly, "low end of the range", 11);
  out += svg_rect(kLeft + 170, ly - 9, 14, 9, kHigh);
  out += svg_text(kLeft + 190, ly, "high end of the range", 11);
  out += svg_line(kLeft + 350, ly - 9, kLeft + 350, ly + 2, "#111111", 1.5);
  out += svg_text(kLeft + 356, ly, "baseline", 11);
  if (unmoved)
    out += svg_text(kLeft, ly + 18,
                    fmt::format("(same): the assumption cannot move {}'s routes, so its P is the "
                                "baseline's (not simulated); a bar of no width is a measured zero",
                                actor_tag(r.actor)),
                    11, "start", 0, "fill=\"#555555\"");
  if (r.effects.size() > rows)
    out += svg_text(kLeft + 440, ly,
                    fmt::format("and {} smaller effects (see the table)", r.effects.size() - rows),
                    11);
  out += svg_close();
  return out;
}

std::string tornado_html(const SensitivityResult& r) {
  std::string table =
      "<table>\n<thead><tr><th>#</th><th>assumption</th><th>point</th><th>range</th>"
      "<th>P at low</th><th>P at high</th><th>swing</th><th>ceiling</th><th>flips</th></tr>"
      "</thead>\n<tbody>\n";
  for (std::size_t i = 0; i < r.effects.size(); ++i) {
    const AssumptionEffect& e = r.effects[i];
    table += fmt::format(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
        "<td>{:.4f}</td><td>{} .. {}</td><td>{}</td></tr>\n",
        i + 1, html_text(assumption_label(e.assumption)),
        html_text(assumption_value(e.assumption, e.assumption.point)),
        html_text(assumption_range(e.assumption, r.factor)),
        e.simulated ? fmt::format("{:.4f}", e.at_low.probability) : "(same)",
        e.simulated ? fmt::format("{:.4f}", e.at_high.probability) : "(same)", e.swing,
        ceiling_label(e.at_low.ceiling), ceiling_label(e.at_high.ceiling),
        html_text(flips_text(r, e)));
  }
  table += "</tbody>\n</table>\n<p class=\"caption\">(same): the assumption cannot move " +
           html_text(actor_tag(r.actor)) +
           "'s routes; its P is the baseline's, and only the ceiling is recomputed.</p>";
  return plot_page(title_of(r), tornado_svg(r), html_text(decisive_sentence(r)), table);
}

}  // namespace plainsight
