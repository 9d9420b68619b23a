#include "analyze/probe_bound.h"

namespace plainsight {
namespace {

using BK = ProbeBound::Kind;

// The bandwidth a link bound stands for on `link`: per direction, or per node; a capacity-
// scaled store's at the stage's capacity. 0 when the link gives none.
double link_Bps(const Link& l, BK kind, const Stage& st) {
  if (kind == BK::link_node) return l.node_bandwidth_Bps;
  if (l.bandwidth_per_TiB_Bps > 0 && st.duration)
    return l.bandwidth_per_TiB_Bps * st.duration->capacity_bytes / 1099511627776.0;
  return l.bandwidth_Bps;
}

// The bound's value and where it comes from, written into `x`; false when nothing gives one.
// A stage that names no link with that bandwidth is bounded by the fastest catalog link of
// its medium: nothing of that medium the catalog knows carries more.
bool fill_bound(const Catalog& c, const Stage& st, const ProbeBound& b, Considered& x) {
  x.bound_kind = b.kind;
  if (b.kind == BK::figure) {
    const PublishedFigure* f = c.figure(b.figure);
    if (!f) return false;
    x.bound_id = f->id;
    x.bound_source = f->source.id;
    x.bound_Bps = f->value;
    return f->value > 0;
  }
  const Link* own = c.link(st.link);
  if (own && link_Bps(*own, b.kind, st) > 0) {
    x.bound_id = own->id;
    x.bound_Bps = link_Bps(*own, b.kind, st);
    x.bound_source = b.kind == BK::link_node ? own->node_source.id : own->source.id;
    return true;
  }
  x.bound_medium = st.medium;
  for (const Link& l : c.links) {
    if (l.medium != st.medium || l.bandwidth_per_TiB_Bps > 0) continue;
    const double bw = b.kind == BK::link_node ? l.node_bandwidth_Bps : l.bandwidth_Bps;
    if (bw > x.bound_Bps) {
      x.bound_Bps = bw;
      x.bound_id = l.id;
      x.bound_source = b.kind == BK::link_node ? l.node_source.id : l.source.id;
    }
  }
  return x.bound_Bps > 0;
}

}  // namespace

std::optional<Considered> bound_refusal(const Catalog& catalog, const Stage& stage,
                                        const ProbeCandidate& candidate,
                                        const std::vector<SweepPoint>& points, double bytes,
                                        double seconds) {
  const ProbeBound& b = candidate.bound;
  if (b.kind == BK::none) return std::nullopt;
  Considered x;
  x.bound_factor = catalog.probe_map.bound_factor.factor;
  if (!fill_bound(catalog, stage, b, x)) {
    x.kind = Considered::Kind::no_bound;
    return x;
  }
  // The answer at the payload always; every sweep point too where the bound is a link (a
  // link has no cache). A memory figure bounds the stage's own bytes, which sit in DRAM: a
  // small point of the sweep may run from the CPU's caches, faster than DRAM, and is no error.
  double fastest = seconds > 0 ? bytes / seconds : 0, at = bytes;
  if (b.kind != BK::figure)
    for (const SweepPoint& p : points)
      if (p.seconds > 0 && p.bytes / p.seconds > fastest)
        fastest = p.bytes / p.seconds, at = p.bytes;
  if (fastest <= x.bound_Bps * x.bound_factor) return std::nullopt;
  x.kind = Considered::Kind::beyond_bound;
  x.fastest_Bps = fastest;
  x.fastest_at_bytes = at;
  return x;
}

}  // namespace plainsight
