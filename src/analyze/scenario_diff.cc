#include "analyze/scenario_diff.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace plainsight {
namespace {

std::set<std::tuple<std::string, std::string>> readable_routes(const ActorThreat& t) {
  std::set<std::tuple<std::string, std::string>> out;
  for (const Reach& r : t.reach)
    if (r.readable) out.insert({r.capability, r.stage});
  return out;
}

// By id: A and B may each be analysed under a catalog of their own (a scenario's own
// sources), so the same rule is not the same object.
bool same_protection(const Window& x, const Window& y) {
  auto rule = [](const Window& w) { return w.rule ? w.rule->id : std::string(); };
  return x.decided == y.decided && x.protection_id == y.protection_id && x.scheme == y.scheme &&
         rule(x) == rule(y);
}

}  // namespace

std::string_view to_string(WindowDelta::Change c) {
  switch (c) {
    case WindowDelta::Change::added:
      return "added";
    case WindowDelta::Change::removed:
      return "removed";
    case WindowDelta::Change::changed:
      return "changed";
  }
  return "";
}

ScenarioDiff diff_analyses(const Analysis& a, const Analysis& b) {
  using C = WindowDelta::Change;
  ScenarioDiff d;
  d.a = &a;
  d.b = &b;
  // Why probe results were not used; the run without measurements has none to give.
  if (!a.measurements.empty())
    for (const Analysis* x : {&a, &b})
      for (const AnalysisWarning& w : x->warnings)
        if (std::find(d.warnings.begin(), d.warnings.end(), w) == d.warnings.end())
          d.warnings.push_back(w);
  std::map<std::string, std::size_t> in_b;
  for (std::size_t j = 0; j < b.windows.size(); ++j) in_b[b.windows[j].stage] = j;
  std::set<std::string> in_a;
  for (std::size_t i = 0; i < a.windows.size(); ++i) {
    const Window& w = a.windows[i];
    in_a.insert(w.stage);
    d.plaintext_total_a += static_cast<double>(w.replicas) * w.plaintext_total_s;
    auto it = in_b.find(w.stage);
    if (it == in_b.end()) {
      d.windows.push_back({C::removed, w.stage, w.name, i, 0});
      continue;
    }
    const Window& v = b.windows[it->second];
    WindowDelta wd{C::changed, w.stage, w.name, i, it->second};
    wd.replicas = w.replicas != v.replicas;
    wd.state = w.state != v.state;
    wd.protection = !same_protection(w, v);
    wd.plaintext_total = w.plaintext_total_s != v.plaintext_total_s;
    wd.readers = w.plaintext_readers() != v.plaintext_readers();
    wd.per_event = w.per_event.value != v.per_event.value && w.per_event.value > 0;
    if (wd.replicas || wd.state || wd.protection || wd.plaintext_total || wd.readers ||
        wd.per_event)
      d.windows.push_back(std::move(wd));
  }
  for (std::size_t j = 0; j < b.windows.size(); ++j) {
    const Window& v = b.windows[j];
    d.plaintext_total_b += static_cast<double>(v.replicas) * v.plaintext_total_s;
    if (!in_a.count(v.stage)) d.windows.push_back({C::added, v.stage, v.name, 0, j});
  }
  d.ceiling_a = a.threat.ceiling.level;
  d.ceiling_b = b.threat.ceiling.level;
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
    const auto ra = readable_routes(x), rb = readable_routes(y);
    for (const auto& [cap, stage] : rb)
      if (!ra.count({cap, stage})) ad.opened.push_back({cap, stage});
    for (const auto& [cap, stage] : ra)
      if (!rb.count({cap, stage})) ad.closed.push_back({cap, stage});
    d.actors.push_back(std::move(ad));
  }
  d.workload = a.workload && b.workload;
  return d;
}

}  // namespace plainsight
