// Seeded Monte Carlo over one actor's attack: footholds arrive as a Poisson process, each
// lasts an exponentially distributed dwell before detection; within a foothold each
// capability takes its time to compromise (a draw from its MAL distribution); a window is
// read on its schedule (periodic events, with jitter where measurements give it, or a
// resident lifetime) until a full copy is read, and the copy must be out before detection
// and before the horizon. Trial i draws from its own stream (and its jitter from a second
// one of its own), so the result does not depend on the number of threads. The jitter is
// the spread of the per-event duration measured by the probe (Figure::spread_s), i.e. on
// the probe's machine, taken as the standard deviation of an event's start.
// A window that stands for N identical replicas (docs/scenarios.md#groups) is one route; what
// each of N routes would draw on its own (a reduced step, a key step, the jitter) is drawn
// once as the earliest of N, from that minimum's own distribution. That is the expanded
// form's distribution whenever a route draws one such thing; one that draws a reduced or
// key step and jitter takes the earliest of each, which favours the attacker, and says so.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "analyze/actor_profile.h"
#include "analyze/window_reach.h"
#include "core/catalog.h"
#include "core/window.h"

namespace plainsight {

struct SimulationOptions {
  std::uint64_t trials = 10000;
  std::uint64_t seed = 1;
  unsigned threads = 1;
  // Each trial draws the actor's parameters from their stated ranges (ActorProfile::ranges)
  // before it runs, from a third stream of its own: the uncertainty of the parameters
  // propagated into the probability. Off: every trial uses the point values.
  bool draw_parameters = false;
};

struct SimulationRoute {
  std::string stage;
  std::string capability;
  std::size_t capability_index = 0;  // into the capabilities the simulation draws
  double open_s = 0;                 // plaintext seconds per event, or the resident lifetime
  double period_s = 0;               // 0: one window open from the start of the horizon
  double events = 1;
  double jitter_s = 0;  // standard deviation of an event's start (measured), 0 when unknown
  // Identical replicas of the window (Reach::replicas). What is drawn per route (a reduced
  // step, a key step, the jitter) is drawn once as the earliest of this many.
  double replicas = 1;
  std::string jitter_source;  // the measurement it came from ("file: probe"), "" without
  double events_needed = 1;
  double read_s = 0;  // total reading time for a full copy
  double egress_s = 0;
  // Reduced, not closed: a further step drawn after the capability's own (catalog, owned).
  const Ttc* extra = nullptr;
  // A key route: the key comes from the capability at `key_capability_index` plus the key
  // step's time (`key_ttc`); reading needs the key and `capability_index`, whichever is later.
  const Ttc* key_ttc = nullptr;
  std::size_t key_capability_index = 0;
  // The actor's factor on the capability's time to compromise at this route's place.
  double ttc_factor = 1;
};

struct WindowUse {
  std::string stage;
  std::string capability;
  std::uint64_t trials = 0;  // successful trials whose copy came through here
};

struct SimulationResult {
  std::string actor;
  int level = 0;
  std::uint64_t trials = 0;
  std::uint64_t seed = 0;
  double horizon_s = 0;
  std::uint64_t successes = 0;
  double probability = 0;
  double ci_low = 0, ci_high = 0;  // 95% Wilson score interval
  // Time from the start of the horizon to a full copy out, over successful trials.
  std::vector<std::pair<double, double>> percentiles;  // (quantile, seconds)
  std::vector<WindowUse> windows;                      // most used first
  std::uint64_t footholds = 0;                         // over all trials
  std::uint64_t window_trials = 0;                     // route evaluations: the unit of work
  std::vector<SimulationRoute> routes;
  // Per-event routes (a period), and those of them drawn with a measured jitter.
  std::size_t periodic_routes = 0;
  std::size_t jittered_routes = 0;
  // Routes through replicated windows that draw both a step per replica and a jitter: the
  // earliest of each is taken together, a bound in the attacker's favour.
  std::size_t bounded_routes = 0;
  // The parameters each trial drew from their ranges (draw_parameters); empty otherwise.
  std::vector<std::string> drawn;
};

// Routes for the simulation: every window the actor's capabilities read in plaintext and
// that holds a full copy (its schedule, not the expected-value test, decides readability).
// `windows` (those `reach` indexes) name where a route's measured jitter came from.
std::vector<SimulationRoute> simulation_routes(const Catalog& catalog,
                                               const std::vector<Reach>& reach,
                                               const ActorProfile& actor,
                                               const std::vector<Window>* windows = nullptr);

SimulationResult simulate(const Catalog& catalog, const ActorProfile& actor, double horizon_s,
                          std::vector<SimulationRoute> routes, const SimulationOptions& options);

// 95% Wilson score interval for k successes in n trials.
std::pair<double, double> wilson_interval(std::uint64_t k, std::uint64_t n);

}  // namespace plainsight
