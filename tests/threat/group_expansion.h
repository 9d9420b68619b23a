// The per-stage form of a grouped scenario, built in memory: the reference meaning of counts
// and of flows between replicas (docs/scenarios.md#groups), which the analysis never builds.
// Equivalence tests analyse both forms and compare.
#pragma once

#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/scenario.h"

namespace plainsight::testing {

struct Expansion {
  Scenario scenario;
  std::vector<std::size_t> class_of;  // expanded stage -> the grouped stage it replicates
};

// Group G (count N) becomes groups G-0 .. G-(N-1) of count 1, each a place of its own with
// G's platform (a top-level place of count N likewise becomes N places); a stage x of
// count c becomes x-0 .. x-(c-1) (x when c is 1). A flow between stages of one group (or two
// top-level ones) connects them within each replica of the group: replica j to replica j
// where both have the same count, else every replica to every replica; a flow between
// different groups connects every replica to every replica.
inline Expansion expand_groups(const Scenario& s) {
  Expansion e;
  Scenario& x = e.scenario;
  x = s;
  x.stages.clear();
  x.flows.clear();
  x.groups.clear();
  // Expanded indices of each grouped stage, by group replica then stage replica.
  std::vector<std::vector<std::vector<std::size_t>>> replicas(s.stages.size());
  std::vector<std::vector<int>> group_of(s.groups.size());  // group, replica -> expanded group
  // Place, replica -> expanded place.
  std::vector<std::vector<int>> place_of(s.places.size());
  x.places.clear();
  for (std::size_t p = 0; p < s.places.size(); ++p)
    for (std::int64_t i = 0; i < s.places[p].count; ++i) {
      Place r = s.places[p];
      if (r.count > 1) r.id = fmt::format("{}-{}", r.id, i);
      r.count = 1;
      place_of[p].push_back(static_cast<int>(x.places.size()));
      x.places.push_back(r);
    }
  for (std::size_t g = 0; g < s.groups.size(); ++g)
    for (std::int64_t i = 0; i < s.groups[g].count; ++i) {
      Group r = s.groups[g];
      r.id = fmt::format("{}-{}", r.id, i);
      r.count = 1;
      r.place = place_of[s.groups[g].place][i];
      x.places[r.place].group = static_cast<int>(x.groups.size());
      group_of[g].push_back(static_cast<int>(x.groups.size()));
      x.groups.push_back(r);
    }
  for (std::size_t k = 0; k < s.stages.size(); ++k) {
    const Stage& st = s.stages[k];
    const std::int64_t n = st.group >= 0 ? s.groups[st.group].count : 1;
    const std::string own = st.group >= 0 ? st.id.substr(s.groups[st.group].id.size() + 1) : st.id;
    replicas[k].resize(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i)
      for (std::int64_t j = 0; j < st.count; ++j) {
        Stage r = st;
        const std::string id = st.count == 1 ? own : fmt::format("{}-{}", own, j);
        r.id = st.group >= 0 ? fmt::format("{}-{}.{}", s.groups[st.group].id, i, id) : id;
        r.group = st.group >= 0 ? group_of[st.group][i] : -1;
        r.place = place_of[st.place][st.group >= 0 ? i : 0];
        r.count = r.replicas = 1;
        replicas[k][i].push_back(x.stages.size());
        e.class_of.push_back(k);
        x.stages.push_back(r);
      }
  }
  auto find = [&](const std::string& id) {
    for (std::size_t k = 0; k < s.stages.size(); ++k)
      if (s.stages[k].id == id) return k;
    throw std::runtime_error("no stage " + id);
  };
  auto connect = [&](const Flow& f, const std::vector<std::size_t>& from,
                     const std::vector<std::size_t>& to) {
    for (std::size_t a = 0; a < from.size(); ++a)
      for (std::size_t b = 0; b < to.size(); ++b) {
        if (from.size() == to.size() && a != b) continue;  // replica j to replica j
        Flow r = f;
        r.from = x.stages[from[a]].id;
        r.to = x.stages[to[b]].id;
        x.flows.push_back(r);
      }
  };
  for (const Flow& f : s.flows) {
    const std::size_t a = find(f.from), b = find(f.to);
    if (s.stages[a].group == s.stages[b].group) {
      for (std::size_t i = 0; i < replicas[a].size(); ++i)
        connect(f, replicas[a][i], replicas[b][i]);
      continue;
    }
    std::vector<std::size_t> all_a, all_b;
    for (const auto& r : replicas[a]) all_a.insert(all_a.end(), r.begin(), r.end());
    for (const auto& r : replicas[b]) all_b.insert(all_b.end(), r.begin(), r.end());
    for (std::size_t p : all_a) connect(f, {p}, all_b);
  }
  x.index_flows();
  return e;
}

}  // namespace plainsight::testing
