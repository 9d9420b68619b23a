#include "analyze/sweep.h"

#include <map>
#include <memory>

#include <fmt/format.h>

#include "analyze/analysis.h"
#include "analyze/parallel.h"
#include "analyze/threat.h"
#include "core/limits.h"
#include "core/platform_refusal.h"
#include "core/printable.h"
#include "load/scenario_loader.h"

namespace plainsight {
namespace {

// The point's own --set assignments, one per axis.
std::vector<std::string> assignments(const std::vector<SweepAxis>& axes, const GridPoint& p) {
  std::vector<std::string> out;
  for (std::size_t k = 0; k < axes.size(); ++k)
    out.push_back(axes[k].key + "=" + axes[k].texts[p.values[k]]);
  return out;
}

// What decides a point's windows: every assignment but the actors' parameters.
std::string window_key(const std::vector<SweepAxis>& axes, const GridPoint& p) {
  std::string key;
  for (std::size_t k = 0; k < axes.size(); ++k)
    if (!axes[k].actor_parameter) key += axes[k].key + "=" + axes[k].texts[p.values[k]] + '\n';
  return key;
}

}  // namespace

std::uint64_t sweep_size(const std::vector<SweepAxis>& axes) {
  std::uint64_t n = 1;
  for (const SweepAxis& a : axes) {
    n *= a.texts.size();
    if (n > kMaxSweepPoints)
      throw InputError({"--vary"}, fmt::format("the grid has more than {} points; sweep fewer "
                                               "values or split the grid",
                                               kMaxSweepPoints));
  }
  return n;
}

SweepResult run_sweep(const Catalog& catalog, const std::string& path, std::vector<SweepAxis> axes,
                      const SweepOptions& o) {
  SweepResult res;
  const std::uint64_t n = sweep_size(axes);
  res.trials = o.simulation.trials;
  res.seed = o.simulation.seed;
  res.draw_parameters = o.simulation.draw_parameters;
  res.sets = o.sets;
  // Which actors to simulate, in level order.
  const std::vector<ActorProfile> profiles = actor_profiles(catalog);
  if (!o.actor.empty()) {
    const ActorProfile* p = find_actor(profiles, o.actor);
    if (!p)
      throw InputError({"--actor"},
                       fmt::format("unknown actor '{}': expected OC1..OC{}", echo(o.actor),
                                   profiles.empty() ? 0 : profiles.back().level));
    res.actors.push_back(p->id);
    res.levels.push_back(p->level);
  } else {
    for (const ActorProfile& p : profiles) {
      res.actors.push_back(p.id);
      res.levels.push_back(p.level);
    }
  }
  // The grid, first axis slowest.
  res.points.resize(n);
  for (std::uint64_t i = 0; i < n; ++i) {
    std::uint64_t rest = i;
    std::vector<std::size_t>& v = res.points[i].values;
    v.assign(axes.size(), 0);
    for (std::size_t k = axes.size(); k-- > 0;) {
      v[k] = rest % axes[k].texts.size();
      rest /= axes[k].texts.size();
    }
  }
  // Points that differ only in actor parameters share a window analysis: group them by the
  // other values, which are known before anything is loaded.
  std::map<std::string, std::size_t> first;  // window key -> its group
  std::vector<std::size_t> group(n, 0), leaders;
  for (std::size_t i = 0; i < n; ++i) {
    auto [it, added] = first.emplace(window_key(axes, res.points[i]), leaders.size());
    if (added) leaders.push_back(i);
    group[i] = it->second;
    res.points[i].shared_analysis = !added;
  }
  // The scenario at a point: the run's --set, then the point's values. A bad value is named
  // the way the user wrote it (--vary, not --set); a refused platform is thrown as it is.
  auto load_point = [&](std::size_t i) {
    const std::vector<std::string> own = assignments(axes, res.points[i]);
    std::vector<std::string> sets = o.sets;
    sets.insert(sets.end(), own.begin(), own.end());
    try {
      return load_scenario(path, catalog, sets);
    } catch (const PlatformRefused&) {
      throw;
    } catch (const InputError& e) {
      for (const std::string& a : own)
        if (e.where().file == "--set " + echo(a, kMaxEchoSetChars))
          throw InputError({"--vary " + echo(a, kMaxEchoSetChars), 0, 0}, e.message());
      throw;
    }
  };
  struct Group {
    std::shared_ptr<const Analysis> analysis;  // null when refused
    std::string refusal;
  };
  std::vector<Group> groups(leaders.size());
  parallel_for(
      leaders.size(),
      [&](std::size_t g) {
        try {
          groups[g].analysis =
              std::make_shared<const Analysis>(analyze(catalog, load_point(leaders[g]), o.sets));
        } catch (const PlatformRefused& e) {
          groups[g].refusal = e.message();
        }
      },
      o.threads);
  for (const Group& g : groups) res.analyses += g.analysis != nullptr;
  // Threats and simulations, point by point; each simulation on one thread.
  SimulationOptions so = o.simulation;
  so.threads = 1;
  parallel_for(
      n,
      [&](std::size_t i) {
        GridPoint& p = res.points[i];
        const Group& g = groups[group[i]];
        if (!g.analysis) {
          p.refused = true;
          p.refusal = g.refusal;
          return;
        }
        const Analysis& a = *g.analysis;
        std::optional<Scenario> own;
        if (p.shared_analysis) own = load_point(i);
        const Scenario& s = own ? *own : a.scenario;
        // The analysis' catalog: its windows point into it (a scenario's own sources).
        const Catalog& c = *a.catalog;
        const ThreatAnalysis t = analyze_threats(c, s, a.windows, {}, {});
        p.horizon_s = s.horizon_s;
        p.ceiling = t.ceiling.level;
        p.breached_by = t.ceiling.breached_by;
        p.plaintext_total_s = a.totals.plaintext_total_s;
        if (a.workload && !a.workload->no_gpu) {
          p.run_off_s = a.workload->run_off_s;
          p.run_on_s = a.workload->run_on_s;
        }
        for (const std::string& id : res.actors)
          for (const ActorThreat& at : t.actors) {
            if (at.actor.id != id) continue;
            const SimulationResult r = simulate(
                c, at.actor, s.horizon_s, simulation_routes(c, at.reach, at.actor, &a.windows), so);
            p.actors.push_back(
                {at.actor.id, at.actor.level, r.successes, r.probability, r.ci_low, r.ci_high});
          }
      },
      o.threads);
  for (const Group& g : groups)
    if (g.analysis && res.scenario.empty()) {
      res.scenario = g.analysis->scenario.name;
      res.horizon_s = g.analysis->scenario.horizon_s;
    }
  if (res.scenario.empty()) res.scenario = path;  // every point refused
  // A sweep of the horizon itself has no one horizon.
  for (const GridPoint& p : res.points)
    if (!p.refused && p.horizon_s != res.horizon_s) res.horizon_s = 0;
  res.axes = std::move(axes);
  return res;
}

}  // namespace plainsight
