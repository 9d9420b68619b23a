#include "analyze/window_reach.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>

namespace plainsight {

double full_copy_bytes(const Scenario& s, const Stage& /*stage*/) {
  // A checkpoint holds the weights among the optimizer state; the weights are the goal.
  return s.asset.weights_bytes();
}

PlaceHoldings::PlaceHoldings(const Catalog& c, const Scenario& s,
                             const std::vector<Window>& windows) {
  std::vector<std::size_t> place_wide;
  for (std::size_t k = 0; k < c.capabilities.size(); ++k)
    if (c.capabilities[k].foothold == Foothold::place) place_wide.push_back(k);
  // Each window's place and medium once: the key is looked up for every cell of every window.
  std::unordered_map<std::string, std::uint64_t> medium_index;
  for (std::size_t m = 0; m < c.media.size(); ++m) medium_index.emplace(c.media[m].id, m);
  base_.reserve(windows.size());
  held_.reserve(windows.size() * place_wide.size());
  for (std::size_t i = 0; i < windows.size(); ++i) {
    const Window& w = windows[i];
    auto m = medium_index.find(w.medium);
    const std::uint64_t medium = m == medium_index.end() ? c.media.size() : m->second;
    base_.push_back((static_cast<std::uint64_t>(w.place) << 24) | (medium << 16));
    const Stage& st = s.stages[i];
    const double held = w.bytes * st.shards * static_cast<double>(st.count);
    for (std::size_t k : place_wide)
      if (k < w.cells.size()) held_[key(i, k, w.cells[k].access)] += held;
  }
}

std::uint64_t PlaceHoldings::key(std::size_t window, std::size_t capability, Access access) const {
  return base_[window] | (static_cast<std::uint64_t>(capability) << 8) |
         static_cast<std::uint64_t>(access);
}

double PlaceHoldings::at(std::size_t window, std::size_t capability, Access access) const {
  auto it = held_.find(key(window, capability, access));
  return it == held_.end() ? 0 : it->second;
}

Reach window_reach(const Catalog& c, const Scenario& s, const Window& w, std::size_t index,
                   const Cell& cell, std::size_t cell_index, const ActorProfile& actor,
                   const PlaceHoldings* holdings) {
  Reach r;
  r.window = index;
  r.stage = w.stage;
  r.replicas = static_cast<double>(w.replicas);
  r.capability = cell.capability;
  r.capability_index = cell_index;
  const Stage& st = s.stages[index];
  // Shards sit side by side (one per GPU or link): one foothold reaches them all, so the stage
  // holds shards x bytes per shard. A foothold on the place reads every replica of the stage
  // the place holds (its `count`: the 8 GPUs of one node), not the place's own replicas.
  r.place_foothold = c.capabilities[cell_index].foothold == Foothold::place;
  r.bytes_held = w.bytes * st.shards;
  if (r.place_foothold)
    r.bytes_held = holdings ? holdings->at(index, cell_index, cell.access)
                            : r.bytes_held * static_cast<double>(st.count);
  // Each place is reached on its own: a place foothold stands for the place's replicas.
  if (r.place_foothold) r.replicas = static_cast<double>(s.places[w.place].count);
  r.ttc_factor = actor.ttc_factor(s.places[w.place].attributes);
  r.bytes_needed = full_copy_bytes(s, st);
  const double read_bw = actor.read_bandwidth.value;
  const double dwell = actor.dwell.value;
  r.egress_s = r.bytes_needed / actor.egress_bandwidth.value;
  r.read_s = r.bytes_needed / read_bw;
  const bool single_life = w.resident && w.state != State::ciphertext_then_plaintext;
  // The cell decides: a capability that reads plaintext where the window's state is not
  // plaintext (a key-service reader, an endpoint of an encrypted link) reads for as long as
  // the bytes are there.
  const Figure& open = w.plaintext_per_event.value > 0 ? w.plaintext_per_event : w.per_event;
  r.open_s = open.value;
  r.events = single_life ? 1 : std::max(1.0, w.events);
  if (r.events > 1) r.period_s = w.event_period_s > 0 ? w.event_period_s : s.horizon_s / r.events;
  // An event is started by the end of the work before it, so it drifts by at least the
  // measured variability of the transfer itself: that spread is the start's jitter. A
  // single or resident window has no schedule to drift.
  if (r.period_s > 0) r.jitter_s = open.spread_s;
  if (r.bytes_held + 1e-9 * r.bytes_needed < r.bytes_needed || r.open_s <= 0) return r;
  const double per_event = std::min(r.bytes_needed, r.open_s * read_bw);
  r.events_needed = std::ceil(r.bytes_needed / per_event - 1e-9);
  // Events the actor can witness in one foothold: dwell / period, at least one.
  r.events_in_dwell =
      r.period_s > 0 ? std::min(r.events, std::max(1.0, std::ceil(dwell / r.period_s))) : 1;
  r.readable = r.events_needed <= r.events_in_dwell;
  // Waiting: half a period for the first event, then whole periods for the others.
  r.wait_s = r.period_s > 0 ? r.period_s / 2 + (r.events_needed - 1) * r.period_s : 0;
  return r;
}

namespace {

// The key routes of an actor: for each key step, the quickest extraction of the key it
// uses, then every window holding ciphertext under a custody that step has released, read
// by a capability the actor fields that reaches the ciphertext there.
void add_key_routes(std::vector<Reach>& out, const Catalog& c, const Scenario& s,
                    const std::vector<Window>& windows, const ActorProfile& actor,
                    bool readable_only, const PlaceHoldings& holdings) {
  for (const KeyStep& step : c.key_steps) {
    // The quickest extraction of the key this step uses, by the capability's expected ttc.
    const Cell* from = nullptr;
    std::size_t from_window = 0, from_index = 0;
    double from_s = 0;
    for (std::size_t i = 0; i < windows.size(); ++i) {
      const CellRow& cells = windows[i].cells;
      for (std::size_t k = 0; k < cells.size(); ++k) {
        const Cell& cell = cells[k];
        if (!cell.extracts || cell.extracts->key != step.uses || !actor.fields(cell.capability))
          continue;
        const double t = c.capabilities[k].ttc.mean_s();
        if (std::isfinite(t) && (!from || t < from_s))
          from = &cell, from_window = i, from_index = k, from_s = t;
      }
    }
    if (!from || !std::isfinite(step.ttc.mean_s())) continue;
    for (std::size_t i = 0; i < windows.size(); ++i) {
      const CellRow& cells = windows[i].cells;
      for (std::size_t k = 0; k < cells.size(); ++k) {
        const Cell& cell = cells[k];
        if (cell.access != Access::ciphertext || !actor.fields(cell.capability)) continue;
        const PlatformOption* custody = Catalog::find(c.key_custodies, cell.decided_by);
        if (!custody || custody->key_release != step.releases) continue;
        Reach r = window_reach(c, s, windows[i], i, cell, k, actor, &holdings);
        if (readable_only && !r.readable) continue;
        r.key_step = &step;
        r.key_window = from_window;
        r.key_capability = from->capability;
        r.key_capability_index = from_index;
        r.key_s = from_s + step.ttc.mean_s();
        out.push_back(std::move(r));
      }
    }
  }
}

}  // namespace

std::vector<Reach> actor_reach(const Catalog& c, const Scenario& s,
                               const std::vector<Window>& windows, const ActorProfile& actor,
                               bool readable_only) {
  return actor_reach(c, s, windows, actor, readable_only, PlaceHoldings(c, s, windows));
}

std::vector<Reach> actor_reach(const Catalog& c, const Scenario& s,
                               const std::vector<Window>& windows, const ActorProfile& actor,
                               bool readable_only, const PlaceHoldings& holdings) {
  std::vector<Reach> out;
  // Cells come in catalog order in every window: decide "fields it" once per position.
  std::vector<char> fielded;
  for (std::size_t i = 0; i < windows.size(); ++i) {
    const CellRow& cells = windows[i].cells;
    if (fielded.size() != cells.size()) {
      fielded.clear();
      for (const Cell& cell : cells) fielded.push_back(actor.fields(cell.capability));
    }
    for (std::size_t k = 0; k < cells.size(); ++k)
      if (cells[k].access == Access::plaintext && fielded[k]) {
        Reach r = window_reach(c, s, windows[i], i, cells[k], k, actor, &holdings);
        r.reduced = cells[k].reduced;
        if (r.readable || !readable_only) out.push_back(std::move(r));
      }
  }
  if (!c.key_steps.empty()) add_key_routes(out, c, s, windows, actor, readable_only, holdings);
  return out;
}

}  // namespace plainsight
