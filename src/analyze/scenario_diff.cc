#include "analyze/scenario_diff.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/quantity.h"

namespace plainsight {
namespace {

std::set<std::string> readable_routes(const ActorThreat& t) {
  std::set<std::string> out;
  for (const Reach& r : t.reach)
    if (r.readable) out.insert(r.capability + " at " + r.stage);
  return out;
}

double run_time(const Analysis& a) {
  return a.scenario.platform.confidential_mode ? a.workload->run_on_s : a.workload->run_off_s;
}

// What the run-time figures rest on: each transfer's provenance (CC off/on where they
// differ) and the sources that were measured or fitted, so that a reader sees at once
// whether the time cost is the catalog's or the probe's.
std::string priced_with(const WorkloadCost& w) {
  std::vector<std::string> parts;
  std::vector<std::string> sources;
  for (const CostLine& l : w.lines) {
    const std::string off(to_string(l.off.provenance)), on(to_string(l.on.provenance));
    parts.push_back(fmt::format("{} {}", l.what, off == on ? off : off + "/" + on));
    for (const Figure* f : {&l.off, &l.on})
      if ((f->provenance == Provenance::measured || f->provenance == Provenance::fitted ||
           f->provenance == Provenance::emulated) &&
          std::find(sources.begin(), sources.end(), f->source) == sources.end())
        sources.push_back(f->source);
  }
  if (parts.empty()) return "";
  std::string out = fmt::format("; priced with: {}", fmt::join(parts, ", "));
  if (!sources.empty()) out += fmt::format(" (probe results: {})", fmt::join(sources, ", "));
  return out;
}

}  // namespace

ScenarioDiff diff_analyses(const Analysis& a, const Analysis& b) {
  ScenarioDiff d;
  d.name_a = a.scenario.name;
  d.name_b = b.scenario.name;
  d.measurements = a.measurements;
  // Why probe results were not used; the run without measurements has none to give.
  if (!d.measurements.empty())
    for (const Analysis* x : {&a, &b})
      for (const std::string& w : x->warnings)
        if (std::find(d.warnings.begin(), d.warnings.end(), w) == d.warnings.end())
          d.warnings.push_back(w);
  std::map<std::string, const Window*> in_b;
  for (const Window& w : b.windows) in_b[w.stage] = &w;
  std::set<std::string> in_a;
  for (const Window& w : a.windows) {
    in_a.insert(w.stage);
    d.plaintext_total_a += static_cast<double>(w.replicas) * w.plaintext_total_s;
    auto it = in_b.find(w.stage);
    if (it == in_b.end()) {
      d.windows.push_back({w.stage, w.name, "removed", {}});
      continue;
    }
    const Window& v = *it->second;
    WindowDelta wd{w.stage, w.name, "changed", {}};
    if (w.replicas != v.replicas)
      wd.what.push_back(
          fmt::format("replicas: {} -> {}", format_count(w.replicas), format_count(v.replicas)));
    if (w.state != v.state)
      wd.what.push_back(fmt::format("state: {} -> {}", to_string(w.state), to_string(v.state)));
    if (w.protection != v.protection)
      wd.what.push_back(fmt::format("protection: {} -> {}", w.protection, v.protection));
    if (w.plaintext_total_s != v.plaintext_total_s)
      wd.what.push_back(fmt::format("plaintext total: {} -> {}",
                                    format_duration(w.plaintext_total_s),
                                    format_duration(v.plaintext_total_s)));
    if (w.plaintext_readers() != v.plaintext_readers())
      wd.what.push_back(fmt::format("plaintext readers: [{}] -> [{}]",
                                    fmt::join(w.plaintext_readers(), ", "),
                                    fmt::join(v.plaintext_readers(), ", ")));
    if (w.per_event.value != v.per_event.value && w.per_event.value > 0) {
      const std::string line =
          fmt::format("{}: {} -> {} per event ({:+.1f}%; {} -> {})", w.name,
                      format_duration(w.per_event.value), format_duration(v.per_event.value),
                      100 * (v.per_event.value - w.per_event.value) / w.per_event.value,
                      to_string(w.per_event.provenance), to_string(v.per_event.provenance));
      wd.what.push_back("per event " + line.substr(line.find(": ") + 2));
      if (!w.resident) d.time_cost.push_back(line);
    }
    if (!wd.what.empty()) d.windows.push_back(std::move(wd));
  }
  for (const Window& v : b.windows) {
    d.plaintext_total_b += static_cast<double>(v.replicas) * v.plaintext_total_s;
    if (!in_a.count(v.stage)) d.windows.push_back({v.stage, v.name, "added", {}});
  }
  d.ceiling_a = a.threat.ceiling.level;
  d.ceiling_b = b.threat.ceiling.level;
  d.ceiling_summary_a = a.threat.ceiling.summary;
  d.ceiling_summary_b = b.threat.ceiling.summary;
  for (std::size_t i = 0; i < a.threat.actors.size() && i < b.threat.actors.size(); ++i) {
    const ActorThreat& x = a.threat.actors[i];
    const ActorThreat& y = b.threat.actors[i];
    ActorDelta ad;
    ad.actor = x.actor.id;
    ad.level = x.actor.level;
    ad.path_a = x.path.found;
    ad.path_b = y.path.found;
    ad.expected_a = x.path.expected_s;
    ad.expected_b = y.path.expected_s;
    std::set<std::string> ra = readable_routes(x), rb = readable_routes(y);
    for (const std::string& r : rb)
      if (!ra.count(r)) ad.opened.push_back(r);
    for (const std::string& r : ra)
      if (!rb.count(r)) ad.closed.push_back(r);
    d.actors.push_back(std::move(ad));
  }
  if (a.workload && b.workload) {
    const double ta = run_time(a), tb = run_time(b);
    d.time_cost.push_back(fmt::format(
        "workload run time: {} -> {} ({:+.1f}%), confidential mode {} -> {}; figures: {}{}",
        format_duration(ta), format_duration(tb), ta > 0 ? 100 * (tb - ta) / ta : 0.0,
        a.scenario.platform.confidential_mode ? "on" : "off",
        b.scenario.platform.confidential_mode ? "on" : "off", b.workload->claim(),
        priced_with(*b.workload)));
    // The whole-run cost published for each side's GPU generation, beside the estimate.
    for (const auto& [side, x] : {std::pair{"A", &a}, std::pair{"B", &b}})
      for (const PublishedRunCost& p : x->workload->published)
        d.time_cost.push_back(fmt::format(
            "published for {}'s GPU generation ({}): {}: +{:.1f}%{} of the run [{}: {}]", side,
            x->scenario.platform.gpu, p.cost->name, 100 * p.low,
            p.high > p.low ? fmt::format(" to +{:.1f}%", 100 * p.high) : std::string(),
            to_string(p.status), p.figures.front()->source.id));
  } else {
    d.time_cost.push_back(
        "no workload section on both sides: the run-time cost is not computed (per-event "
        "durations above show the transfer cost)");
  }
  return d;
}

}  // namespace plainsight
