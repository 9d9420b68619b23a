#include "analyze/min_cut.h"

#include <algorithm>
#include <deque>

#include <gtest/gtest.h>

#include "core/rng.h"

namespace plainsight {
namespace {

bool connected(std::size_t n, const std::vector<CutEdge>& edges, std::uint32_t removed,
               std::size_t s, std::size_t t) {
  std::vector<bool> seen(n, false);
  std::deque<std::size_t> q{s};
  seen[s] = true;
  while (!q.empty()) {
    std::size_t u = q.front();
    q.pop_front();
    for (std::size_t i = 0; i < edges.size(); ++i)
      if (!(removed >> i & 1) && edges[i].from == u && !seen[edges[i].to]) {
        seen[edges[i].to] = true;
        q.push_back(edges[i].to);
      }
  }
  return seen[t];
}

// The cheapest edge set that disconnects s from t, by trying every subset.
double brute_force(std::size_t n, const std::vector<CutEdge>& edges, std::size_t s, std::size_t t) {
  double best = 1e300;
  for (std::uint32_t mask = 0; mask < (1u << edges.size()); ++mask) {
    double cost = 0;
    for (std::size_t i = 0; i < edges.size(); ++i)
      if (mask >> i & 1) cost += edges[i].capacity;
    if (cost < best && !connected(n, edges, mask, s, t)) best = cost;
  }
  return best;
}

TEST(MinCut, HandComputed) {
  // s=0 -> 1 (3), s -> 2 (2), 1 -> t=3 (2), 2 -> t (3), 1 -> 2 (1): flows s-1-t 2, s-1-2-t 1,
  // s-2-t 2; the cut {1->t, 1->2, s->2} costs 5.
  std::vector<CutEdge> e{{0, 1, 3}, {0, 2, 2}, {1, 3, 2}, {2, 3, 3}, {1, 2, 1}};
  MinCut c = min_cut(4, e, 0, 3);
  EXPECT_DOUBLE_EQ(c.value, 5);
  double sum = 0;
  for (std::size_t i : c.edges) sum += e[i].capacity;
  EXPECT_DOUBLE_EQ(sum, 5);
  EXPECT_TRUE(c.finite);
}

TEST(MinCut, UncuttableEdgesMakeItInfinite) {
  std::vector<CutEdge> e{{0, 1, kUncuttable}, {1, 2, kUncuttable}};
  EXPECT_FALSE(min_cut(3, e, 0, 2).finite);
}

TEST(MinCut, MatchesBruteForceOnRandomGraphs) {
  Rng rng(2024);
  for (int round = 0; round < 300; ++round) {
    const std::size_t n = 3 + rng.next() % 5;
    const std::size_t m = 2 + rng.next() % 11;  // up to 12 edges: 4096 subsets
    std::vector<CutEdge> e;
    for (std::size_t i = 0; i < m; ++i) {
      std::size_t u = rng.next() % n, v = rng.next() % n;
      if (u == v) v = (v + 1) % n;
      e.push_back({u, v, static_cast<double>(1 + rng.next() % 9)});
    }
    MinCut c = min_cut(n, e, 0, n - 1);
    const double expect = connected(n, e, 0, 0, n - 1) ? brute_force(n, e, 0, n - 1) : 0;
    ASSERT_NEAR(c.value, expect, 1e-9) << "round " << round;
    // The reported edges are a cut of that value.
    std::uint32_t mask = 0;
    double sum = 0;
    for (std::size_t i : c.edges) {
      mask |= 1u << i;
      sum += e[i].capacity;
    }
    ASSERT_NEAR(sum, expect, 1e-9) << "round " << round;
    ASSERT_FALSE(connected(n, e, mask, 0, n - 1)) << "round " << round;
  }
}

}  // namespace
}  // namespace plainsight
