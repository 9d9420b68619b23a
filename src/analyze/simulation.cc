#include "analyze/simulation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

#include "analyze/parallel.h"
#include "core/rng.h"
#include "core/ttc.h"

namespace plainsight {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Jitter draws come from a second stream per trial (seed mixed with this constant): the
// footholds, dwells and steps of trial i are then the same with and without measured
// jitter, so two runs (diff's sides, a run with and without --measurements) differ only
// where the jitter moves an event, not by a reshuffled stream.
constexpr std::uint64_t kJitterStream = 0x6a09e667f3bcc909ULL;
// The parameter draws (SimulationOptions::draw_parameters) come from a third stream, so that
// trial i's footholds and steps are drawn from the same numbers with and without them.
constexpr std::uint64_t kParameterStream = 0xbb67ae8584caa73bULL;

// One trial's multipliers of the actor's point values, each drawn from its range.
struct ParameterDraw {
  double rate = 1, dwell = 1, read = 1, egress = 1;
};

// The actor's ranges, looked up once: the four parameters in kActorParameters' order, null
// where a parameter has none.
struct ParameterRanges {
  const FigureRange* of[4] = {};
  explicit ParameterRanges(const ActorProfile& a) {
    for (int i = 0; i < 4; ++i)
      if (auto it = a.ranges.find(kActorParameters[i]); it != a.ranges.end()) of[i] = &it->second;
  }
};

ParameterDraw draw_parameters(const ActorProfile& a, const ParameterRanges& ranges, Rng& rng) {
  ParameterDraw d;
  const Figure* points[] = {&a.foothold_rate, &a.dwell, &a.read_bandwidth, &a.egress_bandwidth};
  double* draws[] = {&d.rate, &d.dwell, &d.read, &d.egress};
  for (int i = 0; i < 4; ++i)
    if (ranges.of[i])
      *draws[i] = ranges.of[i]->at(points[i]->value, rng.normal()) / points[i]->value;
  return d;
}

// The routes as a trial with these parameters sees them: reading and egress scale with the
// bandwidths, and so do the events a full copy needs (window_reach's rule, from read_s).
void redrawn_routes(const std::vector<SimulationRoute>& routes, const ParameterDraw& d,
                    std::vector<SimulationRoute>* out) {
  out->assign(routes.begin(), routes.end());
  for (SimulationRoute& r : *out) {
    r.read_s /= d.read;
    r.egress_s /= d.egress;
    if (r.open_s > 0) r.events_needed = std::ceil(std::max(1.0, r.read_s / r.open_s) - 1e-9);
  }
}

struct Accumulator {
  std::uint64_t successes = 0, footholds = 0, window_trials = 0;
  std::vector<double> times;
  std::vector<std::uint64_t> by_route;
};

// When the copy is out through this route, given the step succeeded at `tc`; inf if never.
double route_done(const SimulationRoute& r, double tc, Rng& rng) {
  if (r.period_s <= 0) {  // one window, open from the start for open_s
    const double done_read = tc + r.read_s;
    return done_read <= r.open_s ? done_read + r.egress_s : kInf;
  }
  // The first event that starts at or after tc, then events_needed in a row.
  const double k0 = std::ceil(tc / r.period_s);
  const double last = k0 + r.events_needed - 1;
  if (last >= r.events) return kInf;
  double start = last * r.period_s;
  if (r.jitter_s > 0)
    start = std::max(tc, start + r.jitter_s * (r.replicas > 1 ? sample_min_normal(rng, r.replicas)
                                                              : rng.normal()));
  const double last_read = r.read_s - (r.events_needed - 1) * r.open_s;
  return start + last_read + r.egress_s;
}

void run_trials(const std::vector<const Capability*>& caps, const ActorProfile& a, double horizon,
                const std::vector<SimulationRoute>& all_routes, std::uint64_t evaluations,
                std::uint64_t seed, bool drawing, std::uint64_t begin, std::uint64_t end,
                Accumulator* acc) {
  double rate = a.foothold_rate.value;
  double mean_dwell = a.dwell.value;
  std::vector<double> step(caps.size());
  acc->by_route.assign(all_routes.size(), 0);
  bool jitter = false;
  for (const SimulationRoute& r : all_routes) jitter |= r.jitter_s > 0;
  const bool redraw = drawing && !a.ranges.empty();
  const ParameterRanges ranges(a);
  std::vector<SimulationRoute> drawn_routes;
  for (std::uint64_t trial = begin; trial < end; ++trial) {
    Rng rng = Rng::stream(seed, trial);
    Rng jitter_rng = jitter ? Rng::stream(seed ^ kJitterStream, trial) : rng;
    if (redraw) {
      Rng parameter_rng = Rng::stream(seed ^ kParameterStream, trial);
      const ParameterDraw d = draw_parameters(a, ranges, parameter_rng);
      rate = a.foothold_rate.value * d.rate;
      mean_dwell = a.dwell.value * d.dwell;
      redrawn_routes(all_routes, d, &drawn_routes);
    }
    const std::vector<SimulationRoute>& routes = redraw ? drawn_routes : all_routes;
    double t = 0;
    for (;;) {
      t += rng.exponential(rate);
      if (t >= horizon) break;
      ++acc->footholds;
      const double until = std::min(horizon, t + rng.exponential(1 / mean_dwell));
      for (std::size_t k = 0; k < caps.size(); ++k) step[k] = t + caps[k]->ttc.sample_s(rng);
      double best = kInf;
      std::size_t via = 0;
      for (std::size_t i = 0; i < routes.size(); ++i) {
        const SimulationRoute& r = routes[i];
        // A route's own draws, for N replicas the earliest of N (N footholds' worth of tries
        // on identical windows, as the expanded form's N routes would draw them).
        auto draw = [&](const Ttc& ttc) {
          return r.replicas > 1 ? ttc.sample_min_s(rng, r.replicas) : ttc.sample_s(rng);
        };
        double tc = step[r.capability_index];
        if (r.ttc_factor != 1) tc = t + r.ttc_factor * (tc - t);
        if (r.extra) tc += draw(*r.extra);
        if (r.key_ttc) tc = std::max(tc, step[r.key_capability_index] + draw(*r.key_ttc));
        if (tc >= until) continue;
        const double done = route_done(routes[i], tc, jitter_rng);
        if (done < best) {
          best = done;
          via = i;
        }
      }
      acc->window_trials += evaluations;
      if (best <= until) {
        ++acc->successes;
        acc->times.push_back(best);
        ++acc->by_route[via];
        break;
      }
    }
  }
}

}  // namespace

std::pair<double, double> wilson_interval(std::uint64_t k, std::uint64_t n) {
  if (n == 0) return {0, 1};
  const double z = 1.959963984540054, p = static_cast<double>(k) / n, nn = static_cast<double>(n);
  const double denom = 1 + z * z / nn;
  const double center = (p + z * z / (2 * nn)) / denom;
  const double half = z * std::sqrt(p * (1 - p) / nn + z * z / (4 * nn * nn)) / denom;
  // The bounds are exactly 0 with no successes and 1 with no failures; the formula leaves a
  // rounding residue there (1e-19).
  return {k == 0 ? 0.0 : std::max(0.0, center - half), k == n ? 1.0 : std::min(1.0, center + half)};
}

std::vector<SimulationRoute> simulation_routes(const Catalog& c, const std::vector<Reach>& reach,
                                               const ActorProfile& actor,
                                               const std::vector<Window>* windows) {
  std::vector<SimulationRoute> out;
  for (const Reach& r : reach) {
    if (r.open_s <= 0 || r.bytes_held + 1e-9 * r.bytes_needed < r.bytes_needed) continue;
    auto index_of = [&](const std::string& cap) {
      std::size_t k = 0;
      for (const std::string& id : actor.capabilities) {
        if (id == cap) break;
        ++k;
      }
      return k;
    };
    const std::size_t k = index_of(r.capability);
    (void)c;
    SimulationRoute s;
    if (r.reduced) s.extra = &r.reduced->ttc;
    if (r.key_step) {
      s.key_ttc = &r.key_step->ttc;
      s.key_capability_index = index_of(r.key_capability);
    }
    s.stage = r.stage;
    s.capability = r.capability;
    s.capability_index = k;
    s.open_s = r.open_s;
    s.period_s = r.period_s;
    s.events = r.events;
    s.events_needed = r.events_needed;
    s.read_s = r.read_s;
    s.egress_s = r.egress_s;
    s.jitter_s = r.jitter_s;
    s.replicas = r.replicas;
    s.ttc_factor = r.ttc_factor;
    if (s.jitter_s > 0 && windows && r.window < windows->size()) {
      const Window& w = (*windows)[r.window];
      s.jitter_source =
          (w.plaintext_per_event.value > 0 ? w.plaintext_per_event : w.per_event).source;
    }
    out.push_back(s);
  }
  return out;
}

SimulationResult simulate(const Catalog& c, const ActorProfile& actor, double horizon,
                          std::vector<SimulationRoute> routes, const SimulationOptions& o) {
  SimulationResult res;
  res.actor = actor.id;
  res.level = actor.level;
  res.trials = o.trials;
  res.seed = o.seed;
  res.horizon_s = horizon;
  if (o.draw_parameters)
    for (const char* name : kActorParameters)
      if (actor.ranges.count(name)) res.drawn.push_back(name);
  std::vector<const Capability*> caps;
  for (const std::string& id : actor.capabilities) caps.push_back(c.capability(id));
  for (const Capability* cap : caps)
    if (!cap) throw std::runtime_error("actor " + actor.id + " names an unknown capability");
  for (const SimulationRoute& r : routes) {
    res.periodic_routes += r.period_s > 0;
    res.jittered_routes += r.period_s > 0 && r.jitter_s > 0;
    res.bounded_routes +=
        r.replicas > 1 && r.jitter_s > 0 && r.period_s > 0 && (r.extra || r.key_ttc);
  }
  // One range of trials per thread asked for; parallel_for runs them on the threads that
  // start (a memory limit may refuse some), and trial i draws from its own stream, so the
  // result is the same whatever ran it.
  const unsigned threads = static_cast<unsigned>(
      std::max<std::uint64_t>(1, std::min<std::uint64_t>(o.threads, o.trials)));
  // Routes that draw nothing of their own (no reduced or key step, no jitter) and differ only
  // in their stage end at the same time in every trial, and ties go to the first: each such
  // set is drawn as its first route, which gives exactly the same trials (an expanded
  // cluster's thousands of identical GPUs cost one route each, not thousands).
  std::vector<SimulationRoute> distinct;
  std::vector<std::size_t> origin;  // distinct route -> its first route in `routes`
  {
    using Key =
        std::tuple<std::size_t, double, double, double, double, double, double, double, double>;
    std::map<Key, std::size_t> seen;
    for (std::size_t i = 0; i < routes.size(); ++i) {
      const SimulationRoute& r = routes[i];
      if (!r.extra && !r.key_ttc && r.jitter_s <= 0) {
        const Key k{r.capability_index, r.open_s, r.period_s, r.events,    r.replicas,
                    r.events_needed,    r.read_s, r.egress_s, r.ttc_factor};
        if (!seen.emplace(k, distinct.size()).second) continue;
      }
      distinct.push_back(r);
      origin.push_back(i);
    }
  }
  std::vector<Accumulator> acc(threads);
  parallel_for(
      threads,
      [&](std::size_t t) {
        const std::uint64_t b = o.trials * t / threads, e = o.trials * (t + 1) / threads;
        run_trials(caps, actor, horizon, distinct, routes.size(), o.seed, o.draw_parameters, b, e,
                   &acc[t]);
      },
      threads);
  std::vector<double> times;
  std::vector<std::uint64_t> by_route(routes.size(), 0);
  for (const Accumulator& a : acc) {
    res.successes += a.successes;
    res.footholds += a.footholds;
    res.window_trials += a.window_trials;
    times.insert(times.end(), a.times.begin(), a.times.end());
    for (std::size_t i = 0; i < distinct.size(); ++i) by_route[origin[i]] += a.by_route[i];
  }
  res.probability = o.trials ? static_cast<double>(res.successes) / o.trials : 0;
  std::tie(res.ci_low, res.ci_high) = wilson_interval(res.successes, o.trials);
  std::sort(times.begin(), times.end());
  if (!times.empty())
    for (double q : {0.05, 0.25, 0.5, 0.75, 0.95}) {
      // Nearest rank: an observed value, exact and deterministic.
      std::size_t rank = static_cast<std::size_t>(std::ceil(q * times.size()));
      res.percentiles.push_back({q, times[std::max<std::size_t>(rank, 1) - 1]});
    }
  for (std::size_t i = 0; i < routes.size(); ++i)
    if (by_route[i] > 0)
      res.windows.push_back({routes[i].stage, routes[i].capability, by_route[i]});
  std::stable_sort(res.windows.begin(), res.windows.end(),
                   [](const WindowUse& x, const WindowUse& y) { return x.trials > y.trials; });
  res.routes = std::move(routes);
  return res;
}

}  // namespace plainsight
