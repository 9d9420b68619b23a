#include "report/plot_svg.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "report/escaping.h"

namespace plainsight {
namespace {

// ColorBrewer's "Blues", light to dark.
constexpr std::array<std::array<int, 3>, 5> kHeat = {
    {{247, 251, 255}, {198, 219, 239}, {107, 174, 214}, {33, 113, 181}, {8, 48, 107}}};

// Okabe and Ito, "Color Universal Design" (2008), without yellow (too light on white).
constexpr const char* kSeries[] = {"#E69F00", "#56B4E9", "#009E73", "#0072B2",
                                   "#D55E00", "#CC79A7", "#000000"};

}  // namespace

std::string svg_open(double width, double height, std::string_view title) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.0f}\" height=\"{1:.0f}\" "
      "viewBox=\"0 0 {0:.0f} {1:.0f}\" font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\" "
      "role=\"img\">\n<title>{2}</title>\n<rect width=\"{0:.0f}\" height=\"{1:.0f}\" "
      "fill=\"#ffffff\"/>\n",
      width, height, html_text(title));
}

std::string svg_close() { return "</svg>\n"; }

std::string svg_text(double x, double y, std::string_view text, double size,
                     std::string_view anchor, double rotate, std::string_view extra) {
  const std::string turn =
      rotate != 0 ? fmt::format(" transform=\"rotate({:.0f} {:.1f} {:.1f})\"", rotate, x, y) : "";
  return fmt::format(
      "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"{:.0f}\" text-anchor=\"{}\"{}{}{}>{}</text>\n",
      x, y, size, anchor, turn, extra.empty() ? "" : " ", extra, html_text(text));
}

double text_width(std::string_view text, double size) {
  std::size_t chars = 0;
  for (unsigned char c : text) chars += (c & 0xC0) != 0x80;
  return 0.6 * size * static_cast<double>(chars);
}

std::string svg_line(double x1, double y1, double x2, double y2, std::string_view stroke,
                     double width, std::string_view extra) {
  return fmt::format(
      "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" "
      "stroke-width=\"{:g}\"{}{}/>\n",
      x1, y1, x2, y2, stroke, width, extra.empty() ? "" : " ", extra);
}

std::string svg_rect(double x, double y, double w, double h, std::string_view fill,
                     std::string_view extra) {
  return fmt::format(
      "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"{}{}/>\n", x,
      y, std::max(w, 0.0), std::max(h, 0.0), fill, extra.empty() ? "" : " ", extra);
}

std::string heat_colour(double t) {
  t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0) * (kHeat.size() - 1);
  const std::size_t i = std::min<std::size_t>(static_cast<std::size_t>(t), kHeat.size() - 2);
  const double f = t - static_cast<double>(i);
  auto mix = [&](int k) {
    return static_cast<int>(std::lround(kHeat[i][k] + f * (kHeat[i + 1][k] - kHeat[i][k])));
  };
  return fmt::format("#{:02x}{:02x}{:02x}", mix(0), mix(1), mix(2));
}

bool heat_dark(double t) { return t > 0.55; }

std::string series_colour(std::size_t i) { return kSeries[i % std::size(kSeries)]; }

std::string series_marker(std::size_t i, double x, double y, double r) {
  const std::string c = series_colour(i);
  switch (i % 4) {
    case 0:
      return fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" fill=\"{}\"/>\n", x, y,
                         r, c);
    case 1:
      return svg_rect(x - r, y - r, 2 * r, 2 * r, c);
    case 2:
      return fmt::format(
          "<path d=\"M{:.1f},{:.1f} L{:.1f},{:.1f} L{:.1f},{:.1f} Z\" fill=\"{}\"/>\n", x,
          y - r * 1.2, x + r * 1.1, y + r * 0.8, x - r * 1.1, y + r * 0.8, c);
    default:
      return fmt::format(
          "<path d=\"M{:.1f},{:.1f} L{:.1f},{:.1f} L{:.1f},{:.1f} L{:.1f},{:.1f} Z\" "
          "fill=\"{}\"/>\n",
          x, y - r * 1.3, x + r * 1.1, y, x, y + r * 1.3, x - r * 1.1, y, c);
  }
}

std::string plot_page(std::string_view title, std::string_view svg, std::string_view caption,
                      std::string_view table) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>\nbody{{font-family:\"DejaVu Sans\",Verdana,Arial,sans-serif;"
      "margin:1.5em;color:#111}}\nh1{{font-size:1.3em}}\nsvg{{max-width:100%;height:auto}}\n"
      "table{{border-collapse:collapse;font-size:.85em;margin-top:1em}}\n"
      "th,td{{border:1px solid #ccc;padding:.2em .5em;text-align:right}}\n"
      "th{{background:#f3f3f3}}\np.caption{{color:#444;max-width:60em}}\n</style>\n</head>\n"
      "<body>\n<h1>{}</h1>\n<figure>\n{}</figure>\n<p class=\"caption\">{}</p>\n{}\n</body>\n"
      "</html>\n",
      html_text(title), html_text(title), svg, caption, table);
}

}  // namespace plainsight
