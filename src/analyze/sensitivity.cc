#include "analyze/sensitivity.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "analyze/analysis.h"
#include "analyze/parallel.h"
#include "analyze/threat.h"
#include "core/printable.h"
#include "load/scenario_loader.h"

namespace plainsight {
namespace {

// Bisection steps on log(value): a x2 range is then known to 0.07%.
constexpr int kBisections = 10;

// The model as loaded, analysed once; every variant starts from it.
struct Base {
  const Catalog& catalog;
  const Scenario& scenario;
  const Analysis& analysis;
  const ThreatAnalysis& threats;
  std::string actor;  // the chosen actor's id
  SimulationOptions simulation;
  std::atomic<std::size_t>* evaluations;
  std::atomic<std::size_t>* simulations;
};

const ActorThreat* threat_of(const ThreatAnalysis& t, const std::string& id) {
  for (const ActorThreat& at : t.actors)
    if (at.actor.id == id) return &at;
  return nullptr;
}

// The catalog with the entry `id` of `list` (its capabilities or key steps) taking `f` times
// as long.
template <class T>
Catalog with_slower(const Catalog& c, std::vector<T> Catalog::*list, const std::string& id,
                    double f) {
  Catalog out = c;
  for (T& k : out.*list)
    if (k.id == id) k.ttc = scaled_ttc(k.ttc, f);
  return out;
}

Stage* stage_of(Scenario& s, const std::string& id) {
  for (Stage& st : s.stages)
    if (st.id == id) return &st;
  return nullptr;
}

// The model with assumption `a` at `value`, the others at their points: the ceiling, and the
// chosen actor's P(full copy) when `with_p`.
SensitivityOutcome evaluate(const Base& b, const Assumption& a, double value, bool with_p) {
  std::optional<Catalog> catalog;
  std::optional<Analysis> analysis;
  ActorOverrides overrides;
  const Catalog* c = &b.catalog;
  const Scenario* s = &b.scenario;
  const std::vector<Window>* windows = &b.analysis.windows;
  const double f = value / a.point;
  switch (a.kind) {
    case Assumption::Kind::actor_parameter: {
      overrides = b.scenario.actor_parameters;
      const ActorThreat* at = threat_of(b.threats, a.subject);
      Figure figure = *at->actor.parameter(a.parameter);
      figure.value = value;
      overrides[a.subject][a.parameter] = figure;
      break;
    }
    case Assumption::Kind::capability_ttc:
      catalog = with_slower(b.catalog, &Catalog::capabilities, a.subject, f);
      c = &*catalog;
      break;
    case Assumption::Kind::key_step_ttc:
      catalog = with_slower(b.catalog, &Catalog::key_steps, a.subject, f);
      c = &*catalog;
      break;
    case Assumption::Kind::reduction_ttc:
      // A reduction reaches the threat analysis through the windows' cells: re-analysed.
      catalog = b.catalog;
      for (ProtectionRule& r : catalog->protections)
        if (r.id == a.subject)
          for (Reduction& red : r.reduced)
            if (red.capability == a.parameter) red.ttc = scaled_ttc(red.ttc, f);
      c = &*catalog;
      analysis.emplace(analyze(*c, b.scenario));
      break;
    case Assumption::Kind::stage_duration:
    case Assumption::Kind::stage_bandwidth: {
      Scenario variant = b.scenario;
      Stage* st = stage_of(variant, a.subject);
      if (a.parameter == "lifetime")
        st->lifetime_s = value;
      else if (a.parameter == "duration")
        st->duration->seconds = value;
      else
        st->duration->bandwidth_Bps = value;
      analysis.emplace(analyze(*c, std::move(variant)));
      break;
    }
  }
  if (analysis) {
    s = &analysis->scenario;
    windows = &analysis->windows;
  }
  const ThreatAnalysis t = analyze_threats(*c, *s, *windows, overrides, {});
  ++*b.evaluations;
  SensitivityOutcome out;
  out.ceiling = t.ceiling.level;
  if (with_p) {
    const ActorThreat* at = threat_of(t, b.actor);
    const SimulationResult r =
        simulate(*c, at->actor, s->horizon_s, simulation_routes(*c, at->reach, at->actor, windows),
                 b.simulation);
    out.successes = r.successes;
    out.probability = r.probability;
    out.ci_low = r.ci_low;
    out.ci_high = r.ci_high;
    ++*b.simulations;
  }
  return out;
}

// The assumptions gathered so far, each with its range and whether it can move the chosen
// actor's P.
class AssumptionList {
 public:
  explicit AssumptionList(double factor) : factor_(factor) {}

  // Adds `a` with its own range where it has one, else the factor's; drops an assumption
  // with no room to vary. Returns the added entry, null when dropped.
  Assumption* add(Assumption a, const FigureRange* range, bool moves_chosen) {
    if (range && range->present()) {
      a.low = range->low;
      a.high = range->high;
      a.own_range = true;
      a.range_source = range->source;
      a.range_cited = range->cited;
    } else {
      a.low = a.point / factor_;
      a.high = a.point * factor_;
    }
    if (!(a.low < a.high) || !(a.point > 0)) return nullptr;
    out_.push_back({std::move(a), moves_chosen});
    return &out_.back().first;
  }
  void drop_last() { out_.pop_back(); }
  std::vector<std::pair<Assumption, bool>> take() { return std::move(out_); }

 private:
  double factor_;
  std::vector<std::pair<Assumption, bool>> out_;
};

template <class Pred>
bool in_reach(const ActorThreat& at, Pred&& pred) {
  return std::any_of(at.reach.begin(), at.reach.end(), pred);
}

// The actors' parameters: those of every actor with a route (the ceiling may turn on any
// of them), and the chosen actor's.
void add_actor_parameters(const Base& b, AssumptionList& out) {
  for (const ActorThreat& at : b.threats.actors) {
    if (at.reach.empty() && at.actor.id != b.actor) continue;
    const Actor* entry = Catalog::find(b.catalog.actors, at.actor.id);
    const auto own = b.scenario.actor_parameters.find(at.actor.id);
    for (const char* name : kActorParameters) {
      Assumption a;
      a.kind = Assumption::Kind::actor_parameter;
      a.subject = at.actor.id;
      a.parameter = name;
      a.point = at.actor.parameter(name)->value;
      a.unit = a.parameter == "foothold_rate" ? QuantityKind::rate
               : a.parameter == "dwell"       ? QuantityKind::duration
                                              : QuantityKind::bandwidth;
      const bool overridden =
          own != b.scenario.actor_parameters.end() && own->second.count(name) > 0;
      if (!overridden && entry)
        if (auto it = entry->parameter_sources.find(name); it != entry->parameter_sources.end())
          a.status = it->second.status;
      auto range = at.actor.ranges.find(name);
      out.add(std::move(a), range == at.actor.ranges.end() ? nullptr : &range->second,
              at.actor.id == b.actor);
    }
  }
}

// A time to compromise, varied by its mean; one with no finite positive mean has nothing
// to scale.
void add_ttc(AssumptionList& out, Assumption::Kind kind, const std::string& subject,
             const std::string& parameter, const Ttc& ttc, const Citation& source,
             bool moves_chosen) {
  const double mean = ttc.mean_s();
  if (!std::isfinite(mean) || !(mean > 0)) return;
  Assumption a;
  a.kind = kind;
  a.subject = subject;
  a.parameter = parameter;
  a.point = mean;
  a.unit = QuantityKind::duration;
  a.status = source.status;
  out.add(std::move(a), nullptr, moves_chosen);
}

// The times to compromise of the capabilities some actor's routes use (a route's own, or
// the one its key step needs).
void add_capability_ttcs(const Base& b, const ActorThreat& chosen, AssumptionList& out) {
  std::set<std::string> caps;
  for (const ActorThreat& at : b.threats.actors)
    for (const Reach& r : at.reach) {
      caps.insert(r.capability);
      if (r.key_step) caps.insert(r.key_capability);
    }
  for (const Capability& k : b.catalog.capabilities)
    if (caps.count(k.id))
      add_ttc(out, Assumption::Kind::capability_ttc, k.id, "ttc", k.ttc, k.ttc_source,
              in_reach(chosen, [&](const Reach& r) {
                return r.capability == k.id || (r.key_step && r.key_capability == k.id);
              }));
}

// The times to compromise of the key steps some actor's routes take.
void add_key_step_ttcs(const Base& b, const ActorThreat& chosen, AssumptionList& out) {
  std::set<std::string> steps;
  for (const ActorThreat& at : b.threats.actors)
    for (const Reach& r : at.reach)
      if (r.key_step) steps.insert(r.key_step->id);
  for (const KeyStep& k : b.catalog.key_steps)
    if (steps.count(k.id))
      add_ttc(out, Assumption::Kind::key_step_ttc, k.id, "ttc", k.ttc, k.ttc_source,
              in_reach(chosen, [&](const Reach& r) { return r.key_step == &k; }));
}

// The reduced times to compromise (a protection slowing a capability) some actor's routes
// meet.
void add_reduction_ttcs(const Base& b, const ActorThreat& chosen, AssumptionList& out) {
  std::set<std::pair<std::string, std::string>> reductions;  // (rule, capability)
  for (const ActorThreat& at : b.threats.actors)
    for (const Reach& r : at.reach)
      if (r.reduced)
        for (const ProtectionRule& rule : b.catalog.protections)
          for (const Reduction& red : rule.reduced)
            if (&red == r.reduced) reductions.insert({rule.id, red.capability});
  for (const ProtectionRule& rule : b.catalog.protections)
    for (const Reduction& red : rule.reduced)
      if (reductions.count({rule.id, red.capability}))
        add_ttc(out, Assumption::Kind::reduction_ttc, rule.id, red.capability, red.ttc, red.source,
                in_reach(chosen, [&](const Reach& r) { return r.reduced == &red; }));
}

// The scenario's own durations and bandwidths (provenance assumed) of windows some route
// reads (or extracts a key from).
void add_stage_figures(const Base& b, AssumptionList& out) {
  std::set<std::size_t> read, read_by_chosen;
  for (const ActorThreat& at : b.threats.actors)
    for (const Reach& r : at.reach) {
      read.insert(r.window);
      if (r.key_step) read.insert(r.key_window);
      if (at.actor.id == b.actor) {
        read_by_chosen.insert(r.window);
        if (r.key_step) read_by_chosen.insert(r.key_window);
      }
    }
  for (std::size_t i : read) {
    const Window& w = b.analysis.windows[i];
    const Stage& st = b.scenario.stages[i];
    if (w.per_event.provenance != Provenance::assumed) continue;
    // No event outlasts its period, no residence the horizon.
    const double limit = st.event_period_s > 0 ? std::min(st.event_period_s, b.scenario.horizon_s)
                                               : b.scenario.horizon_s;
    Assumption a;
    a.subject = st.id;
    a.status = Status::assumed;
    double point_window = 0;  // the window's seconds at the point
    if (st.resident) {
      a.kind = Assumption::Kind::stage_duration;
      a.parameter = "lifetime";
      a.point = point_window = st.lifetime_s;
    } else if (st.duration && st.duration->kind == DurationSpec::Kind::stated) {
      a.kind = Assumption::Kind::stage_duration;
      a.parameter = "duration";
      a.point = st.duration->seconds;
      point_window = w.per_event.value;
    } else if (st.duration && st.duration->kind == DurationSpec::Kind::stated_bandwidth) {
      a.kind = Assumption::Kind::stage_bandwidth;
      a.parameter = "bandwidth";
      a.unit = QuantityKind::bandwidth;
      a.point = st.duration->bandwidth_Bps;
      point_window = w.per_event.value;
    } else {
      continue;
    }
    Assumption* added = out.add(std::move(a), nullptr, read_by_chosen.count(i) > 0);
    if (!added) continue;
    // The window grows with a duration and shrinks with a bandwidth: cut the end that would
    // make it outlast the limit.
    if (added->kind == Assumption::Kind::stage_bandwidth) {
      const double least = point_window > 0 ? added->point * point_window / limit : 0;
      if (added->low < least) added->low = least, added->cut_at_horizon = true;
    } else {
      const double most = point_window > 0 ? added->point * limit / point_window : added->high;
      if (added->high > most) added->high = most, added->cut_at_horizon = true;
    }
    if (!(added->low < added->high)) out.drop_last();
  }
}

// Every assumption the base result rests on, with its range and whether it can move the
// chosen actor's P.
std::vector<std::pair<Assumption, bool>> assumptions(const Base& b, double factor) {
  const ActorThreat& chosen = *threat_of(b.threats, b.actor);
  AssumptionList out(factor);
  add_actor_parameters(b, out);
  add_capability_ttcs(b, chosen, out);
  add_key_step_ttcs(b, chosen, out);
  add_reduction_ttcs(b, chosen, out);
  add_stage_figures(b, out);
  return out.take();
}

bool verdict_p(double p, double threshold) { return p >= threshold; }

// The actor: as asked, else the one that breaches the ceiling, else the highest.
const ActorThreat& chosen_actor(const ThreatAnalysis& threats, const std::string& asked) {
  const ActorThreat* chosen = nullptr;
  if (!asked.empty()) {
    std::vector<ActorProfile> profiles;
    for (const ActorThreat& at : threats.actors) profiles.push_back(at.actor);
    const ActorProfile* p = find_actor(profiles, asked);
    if (!p)
      throw InputError({"--actor"},
                       fmt::format("unknown actor '{}': expected OC1..OC{}", echo(asked),
                                   profiles.empty() ? 0 : profiles.back().level));
    chosen = threat_of(threats, p->id);
  } else {
    chosen = threat_of(threats, threats.ceiling.breached_by);
    if (!chosen && !threats.actors.empty()) chosen = &threats.actors.back();
  }
  if (!chosen) throw InputError({"--actor"}, "the catalog has no actors");
  return *chosen;
}

// Where a verdict (the ceiling's, or P's against the threshold) flips between the point of
// `a` and `end` at `end_value`: bisection on log(value).
VerdictFlip find_flip(const Base& b, const Assumption& a, const SensitivityOutcome& baseline,
                      double threshold, bool ceiling, bool high, const SensitivityOutcome& end,
                      double end_value) {
  double near = std::log(a.point), far = std::log(end_value);
  SensitivityOutcome at = end;
  for (int step = 0; step < kBisections; ++step) {
    const double mid = (near + far) / 2;
    const SensitivityOutcome m = evaluate(b, a, std::exp(mid), !ceiling);
    const bool same =
        ceiling ? m.ceiling == baseline.ceiling
                : verdict_p(m.probability, threshold) == verdict_p(baseline.probability, threshold);
    if (same) {
      near = mid;
    } else {
      far = mid;
      at = m;
    }
  }
  VerdictFlip flip;
  flip.verdict = ceiling ? VerdictFlip::Verdict::ceiling : VerdictFlip::Verdict::probability;
  flip.high_side = high;
  flip.value = std::exp(far);
  flip.at = at;
  return flip;
}

// The effect of `a` at both ends of its range (P simulated when `with_p`, else the
// baseline's), its swings, and where between the point and each end a verdict flips.
AssumptionEffect effect_of(const Base& b, const Assumption& a, bool with_p,
                           const SensitivityOutcome& baseline, double threshold) {
  AssumptionEffect e;
  e.assumption = a;
  e.simulated = with_p;
  e.at_low = evaluate(b, a, a.low, with_p);
  e.at_high = evaluate(b, a, a.high, with_p);
  if (!with_p)
    for (SensitivityOutcome* x : {&e.at_low, &e.at_high}) {
      const int ceiling = x->ceiling;
      *x = baseline;
      x->ceiling = ceiling;
    }
  e.swing = std::fabs(e.at_high.probability - e.at_low.probability);
  e.ceiling_swing = std::max(std::abs(e.at_low.ceiling - baseline.ceiling),
                             std::abs(e.at_high.ceiling - baseline.ceiling));
  for (bool high : {false, true}) {
    const SensitivityOutcome& end = high ? e.at_high : e.at_low;
    const double end_value = high ? a.high : a.low;
    const bool ceiling_flips = end.ceiling != baseline.ceiling;
    const bool p_flips = with_p && verdict_p(end.probability, threshold) !=
                                       verdict_p(baseline.probability, threshold);
    if (ceiling_flips)
      e.flips.push_back(find_flip(b, a, baseline, threshold, true, high, end, end_value));
    if (p_flips)
      e.flips.push_back(find_flip(b, a, baseline, threshold, false, high, end, end_value));
  }
  return e;
}

}  // namespace

Ttc scaled_ttc(const Ttc& t, double f) {
  Ttc out = t;
  switch (t.kind) {
    case Ttc::Kind::exponential:
      out.a = t.a / f;  // a rate
      break;
    case Ttc::Kind::gamma:
      out.b = t.b * f;  // the scale
      break;
    case Ttc::Kind::lognormal:
      out.a = t.a + std::log(f);  // mu
      break;
    case Ttc::Kind::uniform:
      out.a = t.a * f;
      out.b = t.b * f;
      break;
    case Ttc::Kind::zero:
    case Ttc::Kind::infinity:
      break;
  }
  out.text = fmt::format("{} x {:g}", t.text, f);
  return out;
}

SensitivityResult run_sensitivity(const Catalog& base_catalog, const std::string& path,
                                  const SensitivityOptions& o) {
  if (!(o.factor > 1 && o.factor <= 1000))
    throw InputError({"--factor"}, fmt::format("the factor must be above 1 and at most 1000, "
                                               "got {:g}",
                                               o.factor));
  if (!(o.threshold > 0 && o.threshold <= 1))
    throw InputError(
        {"--threshold"},
        fmt::format("the threshold is a probability in (0, 1], got {:g}", o.threshold));
  const Scenario scenario = load_scenario(path, base_catalog, o.sets);
  // Variants copy this catalog, so that they hold the scenario's own sources too.
  const Catalog& catalog = scenario.catalog_or(base_catalog);
  const Analysis analysis = analyze(catalog, scenario, o.sets);
  const ThreatAnalysis threats = analyze_threats(catalog, scenario, analysis.windows, {}, {});
  SensitivityResult res;
  res.scenario = scenario.name;
  res.horizon_s = scenario.horizon_s;
  res.threshold = o.threshold;
  res.factor = o.factor;
  res.trials = o.simulation.trials;
  res.seed = o.simulation.seed;
  res.sets = o.sets;
  const ActorThreat& chosen = chosen_actor(threats, o.actor);
  res.actor = chosen.actor.id;
  res.level = chosen.actor.level;
  std::atomic<std::size_t> evaluations{0}, simulations{0};
  SimulationOptions so = o.simulation;
  so.threads = 1;
  so.draw_parameters = false;  // one value varied, every other at its point
  const Base base{catalog, scenario, analysis, threats, res.actor, so, &evaluations, &simulations};
  // The baseline, simulated as every variant is.
  {
    const SimulationResult r =
        simulate(catalog, chosen.actor, scenario.horizon_s,
                 simulation_routes(catalog, chosen.reach, chosen.actor, &analysis.windows), so);
    res.baseline = {threats.ceiling.level, r.successes, r.probability, r.ci_low, r.ci_high};
    ++simulations;
  }
  const std::vector<std::pair<Assumption, bool>> list = assumptions(base, o.factor);
  res.effects.resize(list.size());
  parallel_for(
      list.size(),
      [&](std::size_t i) {
        res.effects[i] = effect_of(base, list[i].first, list[i].second, res.baseline, o.threshold);
      },
      o.threads);
  // Largest swing in P first, then the largest move of the ceiling; ties keep list order.
  std::stable_sort(res.effects.begin(), res.effects.end(),
                   [](const AssumptionEffect& x, const AssumptionEffect& y) {
                     if (x.swing != y.swing) return x.swing > y.swing;
                     return x.ceiling_swing > y.ceiling_swing;
                   });
  for (std::size_t i = 0; i < res.effects.size() && !res.decisive; ++i)
    if (!res.effects[i].flips.empty()) res.decisive = i;
  res.evaluations = evaluations;
  res.simulations = simulations;
  return res;
}

}  // namespace plainsight
