#include "report/timeline_drawing.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "analyze/durations.h"
#include "core/quantity.h"
#include "report/escaping.h"
#include "report/palette.h"
#include "report/phrases.h"
#include "report/pipeline_drawing.h"
#include "report/shortened.h"
#include "report/text_wrap.h"

namespace plainsight {
namespace {

constexpr double kLabelW = 200, kPlotW = 640, kRowH = 30, kTop = 28, kMargin = 8;
constexpr double kMinGapPx = 3;  // closer events than this are summarised as one band

std::string label(const std::string& s) { return html_text(shortened(s, 29)); }

std::string rect(double x, double y, double w, double h, const char* fill, const char* extra = "") {
  return fmt::format(
      "<rect x=\"{:.2f}\" y=\"{:.2f}\" width=\"{:.2f}\" height=\"{:.2f}\" fill=\"{}\"{}/>", x, y,
      std::max(w, 1.5), h, fill, extra);
}

}  // namespace

void timeline_svg(std::ostream& out, const Analysis& a) {
  const double horizon = a.scenario.horizon_s;
  const std::size_t rows = std::min(a.windows.size(), kMaxDrawnStages);
  const double height = kTop + rows * kRowH + 30;
  const double width = kMargin + kLabelW + kPlotW + 20;
  const double x0 = kMargin + kLabelW;
  auto x_at = [&](double t) { return x0 + kPlotW * std::clamp(t / horizon, 0.0, 1.0); };
  out << fmt::format(
      "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {:.0f} {:.0f}\" "
      "width=\"{:.0f}\" role=\"img\" aria-labelledby=\"timeline-title\">\n"
      "<title id=\"timeline-title\">When the bytes sit at each stage over the {} horizon</title>\n"
      "<defs><pattern id=\"dense\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
      "patternTransform=\"rotate(45)\"><rect width=\"2\" height=\"6\" fill=\"#333\"/>"
      "</pattern></defs>\n",
      width, height, width, format_duration(horizon));
  // Axis: 0, quarters, the horizon.
  for (int q = 0; q <= 4; ++q) {
    const double x = x0 + kPlotW * q / 4;
    out << fmt::format(
        "<line x1=\"{0:.2f}\" y1=\"{1:.2f}\" x2=\"{0:.2f}\" y2=\"{2:.2f}\" stroke=\"#bbb\"/>"
        "<text x=\"{0:.2f}\" y=\"{3:.2f}\" font-size=\"10\" text-anchor=\"middle\">{4}</text>\n",
        x, kTop - 4, kTop + rows * kRowH, kTop - 8, format_duration(horizon * q / 4));
  }
  for (std::size_t r = 0; r < rows; ++r) {
    const std::size_t i = r;
    const Window& w = a.windows[i];
    const double y = kTop + r * kRowH + 6, h = kRowH - 12;
    out << fmt::format("<g><title>{}</title>",
                       html_text(fmt::format("{}: {}; plaintext {}", name_phrase(w),
                                             window_phrase(w), plaintext_total_phrase(w))));
    // The stage's name on one line, or wrapped onto two smaller ones: not cut where it fits.
    const std::vector<std::string> lines = wrap_lines(name_phrase(w), 34);
    if (lines.size() == 1) {
      out << fmt::format("<text x=\"{}\" y=\"{:.2f}\" font-size=\"11\">{}</text>", kMargin,
                         y + h - 4, label(lines[0]));
    } else {
      std::string rest = lines[1];
      for (std::size_t k = 2; k < lines.size(); ++k) rest += " " + lines[k];
      out << fmt::format("<text x=\"{}\" y=\"{:.2f}\" font-size=\"10\">{}</text>", kMargin, y + 5,
                         html_text(lines[0]))
          << fmt::format("<text x=\"{}\" y=\"{:.2f}\" font-size=\"10\">{}</text>", kMargin, y + 16,
                         html_text(shortened(rest, 34)));
    }
    // Residence: the whole time the bytes are there, in the state they are held in.
    // A residence that recurs (a relay refilled every 2 h, each copy kept 7 d) covers the
    // span of all of them.
    if (w.resident) {
      const State held = w.state == State::ciphertext_then_plaintext ? State::ciphertext : w.state;
      const bool recurs = w.state != State::ciphertext_then_plaintext && w.events > 1;
      const double there =
          recurs ? coverage(w.resident_s, w.events, w.event_period_s, horizon) : w.resident_s;
      out << rect(x0, y, x_at(there) - x0, h, state_swatch(held).fill,
                  " stroke=\"#666\" stroke-width=\"0.5\"");
    }
    // Events: plaintext per event (a decrypt, a transfer, a checkpoint write).
    const bool events_drawn = !(w.resident && w.state != State::ciphertext_then_plaintext);
    // Bytes that pass encrypted are drawn too, in their state's colour.
    const double open =
        w.plaintext_per_event.value > 0 ? w.plaintext_per_event.value : w.per_event.value;
    if (events_drawn && open > 0) {
      const double n = std::max(1.0, w.events);
      const double period = w.event_period_s > 0 ? w.event_period_s : horizon / n;
      const char* fill = state_swatch(w.state).fill;
      if (n == 1 || kPlotW * period / horizon >= kMinGapPx) {
        for (double k = 0; k < n; ++k)
          out << rect(x_at(k * period), y + 2, x_at(k * period + open) - x_at(k * period), h - 4,
                      fill);
      } else {
        // Too dense to draw one by one: the span is hatched, its colour as strong as the share
        // of the time the bytes are open (2 s every 2 h is a faint band, not a solid one
        // like a resident window), with a solid bar as long as all the open time together.
        const double end = std::min(horizon, (n - 1) * period + open);
        const double share = std::min(1.0, open / period);
        out << rect(x0, y + 2, x_at(end) - x0, h - 4, fill,
                    fmt::format(" fill-opacity=\"{:.3f}\"", std::max(0.08, share)).c_str())
            << rect(x0, y + 2, x_at(end) - x0, h - 4, "url(#dense)",
                    " stroke=\"#333\" stroke-width=\"0.5\" fill-opacity=\"0.4\"")
            << rect(x0, y + h - 5, std::max(1.0, x_at(std::min(horizon, n * open)) - x0), 3, fill);
        out << fmt::format(
            "<text x=\"{:.2f}\" y=\"{:.2f}\" font-size=\"10\" fill=\"#000\" "
            "paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\">{:g} events of {}, one "
            "every {}: {} in plaintext</text>",
            x0 + 6, y + h - 4, n, format_duration(open), format_duration(period),
            html_text(plaintext_total_phrase(w)));
      }
    }
    out << "</g>\n";
  }
  const double ly = kTop + rows * kRowH + 16;
  out << rect(x0, ly - 9, 16, 10, state_swatch(State::plaintext).fill)
      << fmt::format("<text x=\"{:.2f}\" y=\"{:.2f}\" font-size=\"10\">plaintext</text>", x0 + 20,
                     ly)
      << rect(x0 + 90, ly - 9, 16, 10, state_swatch(State::ciphertext_then_plaintext).fill)
      << fmt::format("<text x=\"{:.2f}\" y=\"{:.2f}\" font-size=\"10\">decrypted per event</text>",
                     x0 + 110, ly)
      << rect(x0 + 230, ly - 9, 16, 10, state_swatch(State::ciphertext).fill,
              " stroke=\"#666\" stroke-width=\"0.5\"")
      << fmt::format("<text x=\"{:.2f}\" y=\"{:.2f}\" font-size=\"10\">ciphertext resident</text>",
                     x0 + 250, ly)
      << rect(x0 + 370, ly - 9, 16, 10, "url(#dense)", " stroke=\"#333\" stroke-width=\"0.5\"")
      << fmt::format(
             "<text x=\"{:.2f}\" y=\"{:.2f}\" font-size=\"10\">events too dense to draw one by "
             "one</text>",
             x0 + 390, ly)
      << "\n</svg>\n";
}

}  // namespace plainsight
