#include "analyze/durations.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/quantity.h"

namespace plainsight {

Figure catalog_duration(const Catalog& c, const Scenario& sc, const Stage& st,
                        const DurationSpec& spec) {
  const double bytes = sc.stage_bytes(st);
  switch (spec.kind) {
    case DurationSpec::Kind::stated:
      return {spec.seconds, Provenance::assumed, spec.where.str(), "stated in the scenario"};
    case DurationSpec::Kind::link_transfer: {
      const Link& l = *c.link(spec.link);
      double bw = l.bandwidth_Bps;
      std::string how = l.name;
      if (l.bandwidth_per_TiB_Bps > 0) {
        bw = l.bandwidth_per_TiB_Bps * spec.capacity_bytes / 1099511627776.0;
        how = fmt::format("{} x {:.4g} TiB", l.name, spec.capacity_bytes / 1099511627776.0);
      }
      return {bytes / bw, Provenance::datasheet, l.source.id,
              fmt::format("{} / {} ({})", format_bytes(bytes), format_bandwidth(bw), how)};
    }
    case DurationSpec::Kind::stated_bandwidth:
      return {bytes / spec.bandwidth_Bps, Provenance::assumed, spec.where.str(),
              fmt::format("{} / {} (bandwidth stated in the scenario)", format_bytes(bytes),
                          format_bandwidth(spec.bandwidth_Bps))};
    case DurationSpec::Kind::figure: {
      const PublishedFigure& f = *c.figure(spec.figure);
      if (f.unit == "seconds") return {f.value, Provenance::published, f.source.id, f.description};
      return {bytes / f.value, Provenance::published, f.source.id,
              fmt::format("{} / {} ({})", format_bytes(bytes), format_bandwidth(f.value),
                          f.description)};
    }
  }
  return {};
}

Figure lifetime_figure(const Scenario& sc, const Stage& st) {
  return {st.lifetime_s, Provenance::assumed, st.where.str(),
          st.lifetime_s == sc.horizon_s ? "resident for the whole horizon"
                                        : "resident lifetime stated in the scenario"};
}

double coverage(double d, double events, double period, double horizon) {
  if (events <= 0 || d <= 0) return 0;
  double covered = period > 0 ? (events - 1) * std::min(d, period) + d : events * d;
  return std::min(covered, horizon);
}

}  // namespace plainsight
