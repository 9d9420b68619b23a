#include "analyze/workload_cost.h"

#include <algorithm>
#include <cmath>

#include "analyze/attributes.h"
#include "analyze/duration_source.h"
#include "analyze/measured_durations.h"
#include "analyze/protection.h"
#include "core/probe_account.h"
#include "core/quantity.h"
#include "load/platform_validity.h"

namespace plainsight {
namespace {

// Bytes through a stage from what the scenario and catalog say, CC aside.
std::optional<Figure> baseline(const Catalog& c, const Scenario& s, const Stage& st, double bytes) {
  using K = Derivation::Kind;
  Figure f;
  f.how.bytes = bytes;
  if (const Link* l = c.link(st.link); l && l->bandwidth_Bps > 0) {
    f = {bytes / l->bandwidth_Bps, Provenance::datasheet, l->source.id, {}, 0, f.how};
    f.how.kind = K::link;
    f.how.ref = l->id;
    f.how.bandwidth_Bps = l->bandwidth_Bps;
    return f;
  }
  if (!st.duration) return std::nullopt;
  const DurationSpec& d = *st.duration;
  if (d.kind == DurationSpec::Kind::stated_bandwidth) {
    f = {bytes / d.bandwidth_Bps, Provenance::assumed, d.where.str(), {}, 0, f.how};
    f.how.kind = K::stated_bandwidth;
    f.how.bandwidth_Bps = d.bandwidth_Bps;
    return f;
  }
  if (d.kind == DurationSpec::Kind::figure) {
    const PublishedFigure& p = *c.figure(d.figure);
    if (p.unit == "bytes_per_second") {
      f = {bytes / p.value, Provenance::published, p.source.id, {}, 0, f.how};
      f.how.kind = K::figure;
      f.how.ref = p.id;
      f.how.bandwidth_Bps = p.value;
      return f;
    }
  }
  if (d.kind == DurationSpec::Kind::stated && s.stage_bytes(st) > 0) {
    f = {d.seconds * bytes / s.stage_bytes(st), Provenance::assumed, d.where.str(), {}, 0, f.how};
    f.how.kind = K::scaled_stated;
    return f;
  }
  return std::nullopt;
}

// The most specific transfer cost for this medium, platform and kind of transfer: the one
// with the most conditions, a transfer-kind filter counting as one more.
const CcCost* transfer_cost(const Catalog& c, const std::string& medium, const Attributes& on,
                            const std::string& kind) {
  const CcCost* best = nullptr;
  auto weight = [](const CcCost& k) { return k.when.size() + (k.transfers.empty() ? 0 : 1); };
  for (const CcCost& k : c.cc_costs)
    if (k.medium == medium && k.prices(kind) && conditions_hold(k.when, on) &&
        (!best || weight(k) > weight(*best)))
      best = &k;
  return best;
}

CostLine price(const Catalog& c, const Scenario& s, const WorkloadTransfer& t, TransferKind kind,
               double count, const DurationSource* measured,
               std::vector<AnalysisWarning>* warnings) {
  using K = Derivation::Kind;
  const Stage& st = *s.stage(t.stage);
  // A group's stage runs on its group's platform (its own GPU generation and its CC cost).
  Platform off_p = s.platform_of(st), on_p = off_p;
  off_p.confidential_mode = false;
  on_p.confidential_mode = true;
  const Attributes off_a = stage_attributes(c, off_p, s.place_of(st), st);
  const Attributes on_a = stage_attributes(c, on_p, s.place_of(st), st);
  CostLine line{kind, st.id, t.bytes, count, {}, {}};
  if (measured)
    if (auto pair = measured->cc_pair(s, st, t.bytes, on_a)) {
      if (!pair->refused) {
        line.off = pair->off;
        line.on = pair->on;
        return line;
      }
      // A refused pair prices nothing: the cost comes from what follows, as without it.
      AnalysisWarning w;
      w.kind = AnalysisWarning::Kind::workload_pair_refused;
      w.stage = st.id;
      w.pair = std::make_shared<const CcPair>(std::move(*pair));
      warnings->push_back(std::move(w));
    }
  std::optional<Figure> off = measured ? measured->per_event(s, st, t.bytes, off_a) : std::nullopt;
  // Asked with the CC-off attributes, a measured figure is a CC-off one, unless
  // --allow-mismatch stood a CC-on result in for it: that would price CC with CC.
  if (off && off->probe &&
      std::any_of(off->probe->forced.begin(), off->probe->forced.end(),
                  [](const FacetMismatch& x) { return x.facet == PlatformFacet::cc; }))
    off.reset();
  if (!off) off = baseline(c, s, st, t.bytes);
  if (!off) {
    AnalysisWarning w;
    w.kind = AnalysisWarning::Kind::workload_unpriced;
    w.stage = st.id;
    w.bytes = t.bytes;
    warnings->push_back(std::move(w));
    line.off = Figure{0, Provenance::assumed, t.where.str(), {}};
    line.off.how.kind = K::unpriced;
    line.on = line.off;
    return line;
  }
  line.off = *off;
  const ProtectionRule& r_off = select_protection(c, st.medium, off_a);
  const ProtectionRule& r_on = select_protection(c, st.medium, on_a);
  // Confidential mode costs time where it adds a cipher to the path: where the bytes are
  // held in the same state either way (NVLink in Hopper's protected-PCIe mode stays
  // plaintext), the transfer is unchanged.
  if (r_off.state == r_on.state) {
    line.on = *off;
    line.on.how = {};
    line.on.how.kind = K::cc_unchanged;
    line.on.how.state = r_on.state;
    line.on.how.ref = r_on.id;
    line.on.how.medium = st.medium;
    return line;
  }
  if (const CcCost* k = transfer_cost(c, st.medium, on_a, std::string(to_string(line.kind)))) {
    const PublishedFigure& f = *c.figure(k->figure);
    line.priced_by = k;
    line.on = Figure{off->value * f.value, Provenance::published, f.source.id, {}};
    line.on.how.kind = K::cc_factor;
    line.on.how.base_s = off->value;
    line.on.how.ref = k->id;
    return line;
  }
  AnalysisWarning w;
  w.kind = AnalysisWarning::Kind::workload_cc_unpriced;
  w.stage = st.id;
  w.medium = st.medium;
  warnings->push_back(std::move(w));
  line.on = *off;
  line.on.provenance = Provenance::assumed;
  line.on.how = {};
  line.on.how.kind = K::cc_unpriced;
  return line;
}

std::vector<WorkloadInput> workload_inputs(const Workload& w) {
  using K = WorkloadInput::Kind;
  std::vector<WorkloadInput> in;
  in.push_back({K::run, {}, w.run_s, w.where});
  if (w.step_s > 0) in.push_back({K::step, {}, w.step_s, w.where});
  for (const WorkloadTransfer& t : w.per_step)
    in.push_back({K::per_step, t.stage, t.bytes, t.where});
  if (w.checkpoint_every_s > 0)
    in.push_back({K::checkpoint_every, {}, w.checkpoint_every_s, w.checkpoint.where});
  if (w.model_loads > 0) in.push_back({K::model_loads, {}, w.model_loads, w.model_load.where});
  return in;
}

std::vector<PublishedRunCost> published_run_costs(const Catalog& c, const Platform& p) {
  std::vector<PublishedRunCost> out;
  const Attributes a = platform_attributes(c, p);
  for (const RunCost& k : c.run_costs) {
    if (!conditions_hold(k.when, a)) continue;
    PublishedRunCost r;
    r.cost = &k;
    if (!k.slowdown_figure.empty()) {
      r.figures = {c.figure(k.slowdown_figure)};
      r.slowdown = r.figures[0]->value;
      r.low = r.high = r.slowdown - 1;
    } else if (!k.extra_figure.empty()) {
      r.figures = {c.figure(k.extra_figure), c.figure(k.run_figure)};
      r.extra_s = r.figures[0]->value;
      r.run_s = r.figures[1]->value;
      r.low = r.high = r.extra_s / r.run_s;
    } else {
      for (const std::string& id : k.throughput_loss) r.figures.push_back(c.figure(id));
      // Throughput down by x: the same work takes 1 / (1 - x) as long.
      r.low = 1 / (1 - r.figures.front()->value) - 1;
      r.high = 1 / (1 - r.figures.back()->value) - 1;
    }
    for (const PublishedFigure* f : r.figures) r.status = std::max(r.status, f->source.status);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

std::string_view to_string(TransferKind k) {
  switch (k) {
    case TransferKind::per_step:
      return "per_step";
    case TransferKind::checkpoint:
      return "checkpoint";
    case TransferKind::model_load:
      return "model_load";
  }
  return "";
}

std::optional<WorkloadCost> workload_cost(const Catalog& c, const Scenario& s,
                                          const DurationSource* measured,
                                          std::vector<AnalysisWarning>* warnings) {
  if (!s.workload) return std::nullopt;
  const Workload& w = *s.workload;
  WorkloadCost out;
  out.run_off_s = w.run_s;
  // The workload runs where its model is loaded (else its first transfer): a group's stage
  // on its group's platform.
  const WorkloadTransfer& where = w.model_loads > 0 ? w.model_load
                                  : w.checkpoint_every_s > 0 || w.per_step.empty()
                                      ? w.checkpoint
                                      : w.per_step.front();
  const Stage* at = s.stage(where.stage);
  const Platform& p = at ? s.platform_of(*at) : s.platform;
  out.gpu = p.gpu;
  out.confidential_mode = p.confidential_mode;
  if (p.gpu.empty()) {
    out.run_on_s = w.run_s;
    out.no_gpu = true;
    return out;
  }
  for (const WorkloadTransfer& t : w.per_step)
    out.lines.push_back(price(c, s, t, TransferKind::per_step, w.steps(), measured, warnings));
  if (w.checkpoint_every_s > 0)
    out.lines.push_back(price(c, s, w.checkpoint, TransferKind::checkpoint,
                              std::floor(w.run_s / w.checkpoint_every_s), measured, warnings));
  if (w.model_loads > 0)
    out.lines.push_back(
        price(c, s, w.model_load, TransferKind::model_load, w.model_loads, measured, warnings));
  out.inputs = workload_inputs(w);
  out.published = published_run_costs(c, p);
  double extra = 0;
  for (const CostLine& l : out.lines) extra += l.extra_s();
  out.run_on_s = w.run_s + extra;
  return out;
}

}  // namespace plainsight
