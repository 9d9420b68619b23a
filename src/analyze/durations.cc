#include "analyze/durations.h"

#include <algorithm>

namespace plainsight {

Figure catalog_duration(const Catalog& c, const Scenario& sc, const Stage& st,
                        const DurationSpec& spec) {
  using K = Derivation::Kind;
  const double bytes = sc.stage_bytes(st);
  Figure f;
  switch (spec.kind) {
    case DurationSpec::Kind::stated:
      f = {spec.seconds, Provenance::assumed, spec.where.str(), {}};
      f.how.kind = K::stated;
      return f;
    case DurationSpec::Kind::link_transfer: {
      const Link& l = *c.link(spec.link);
      f = {0, Provenance::datasheet, l.source.id, {}};
      f.how.kind = K::link;
      f.how.ref = l.id;
      f.how.bytes = bytes;
      f.how.bandwidth_Bps = l.bandwidth_Bps;
      if (l.bandwidth_per_TiB_Bps > 0) {
        f.how.capacity_bytes = spec.capacity_bytes;
        f.how.bandwidth_Bps = l.bandwidth_per_TiB_Bps * spec.capacity_bytes / 1099511627776.0;
      }
      f.value = bytes / f.how.bandwidth_Bps;
      return f;
    }
    case DurationSpec::Kind::stated_bandwidth:
      f = {bytes / spec.bandwidth_Bps, Provenance::assumed, spec.where.str(), {}};
      f.how.kind = K::stated_bandwidth;
      f.how.bytes = bytes;
      f.how.bandwidth_Bps = spec.bandwidth_Bps;
      return f;
    case DurationSpec::Kind::figure: {
      const PublishedFigure& p = *c.figure(spec.figure);
      const bool seconds = p.unit == "seconds";
      f = {seconds ? p.value : bytes / p.value, Provenance::published, p.source.id, {}};
      f.how.kind = K::figure;
      f.how.ref = p.id;
      if (!seconds) f.how.bytes = bytes, f.how.bandwidth_Bps = p.value;
      return f;
    }
  }
  return f;
}

Figure lifetime_figure(const Scenario& sc, const Stage& st) {
  Figure f{st.lifetime_s, Provenance::assumed, st.where.str(), {}};
  f.how.kind = st.lifetime_s == sc.horizon_s ? Derivation::Kind::resident_horizon
                                             : Derivation::Kind::resident_stated;
  return f;
}

double coverage(double d, double events, double period, double horizon) {
  if (events <= 0 || d <= 0) return 0;
  double covered = period > 0 ? (events - 1) * std::min(d, period) + d : events * d;
  return std::min(covered, horizon);
}

}  // namespace plainsight
