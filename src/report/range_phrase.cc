#include "report/range_phrase.h"

#include <cmath>

#include <fmt/format.h>

namespace plainsight {

std::string factor_phrase(double ratio) {
  if (!(ratio > 0) || !std::isfinite(ratio)) return "x?";
  const double inverse = 1 / ratio;
  if (ratio < 1 && std::fabs(inverse - std::round(inverse)) < 1e-6)
    return fmt::format("x1/{:g}", std::round(inverse));
  return fmt::format("x{:.3g}", ratio);
}

std::string range_origin(const FigureRange& r, double value) {
  const std::string cited = fmt::format("{}, {}", r.source.id, to_string(r.source.status));
  if (r.cited == FigureRange::Cited::both) return cited;
  const bool high_cited = r.cited == FigureRange::Cited::high;
  const std::string assumed =
      fmt::format("{}, assumed", factor_phrase((high_cited ? r.low : r.high) / value));
  return high_cited ? fmt::format("low end: {}; high end: {}", assumed, cited)
                    : fmt::format("low end: {}; high end: {}", cited, assumed);
}

}  // namespace plainsight
