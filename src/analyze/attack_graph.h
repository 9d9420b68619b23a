// The attack graph of one actor (Boost.Graph): its foothold, one attack step per capability
// it fields (with the capability's time to compromise), the windows those capabilities read
// in plaintext and can read in full before they close, and the goal, a full copy of the
// weights outside. Edge weights are expected seconds. A key route adds a vertex per key
// step (a forged attestation has the weights' key released): reached from the step of the
// capability that extracts the key, and leading to the ciphertext windows that key opens.
// Reading there needs the key AND the reading capability (MAL's AND): the edge from the
// released key costs only what the reading capability takes beyond it, so a path's total is
// max(key, reader) + reading, not their sum.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "analyze/actor_profile.h"
#include "analyze/window_reach.h"
#include "core/catalog.h"
#include "core/window.h"

namespace plainsight {

struct AttackVertex {
  enum class Kind { foothold, step, window, goal, released } kind = Kind::foothold;
  std::string id;  // capability or actor id; empty for a window (its Window has the names)
  std::string name;
};

struct AttackEdge {
  double expected_s = 0;
  std::string what;  // "ttc HardAndCertain", "read", "egress"
  int reach = -1;    // capability -> window edges: index into routes
};

using AttackGraphT =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, AttackVertex, AttackEdge>;

struct AttackGraph {
  AttackGraphT g;
  std::size_t foothold = 0;
  std::size_t goal = 0;
  const std::vector<Reach>* routes = nullptr;  // the reach the edges point into (not owned)
};

// `routes`: the actor's reach; only readable ones become edges.
AttackGraph build_attack_graph(const Catalog& catalog, const std::vector<Window>& windows,
                               const ActorProfile& actor, const std::vector<Reach>& routes);

struct PathStep {
  enum class Kind {
    foothold,    // waiting for the actor's foothold
    step,        // getting a capability working
    key,         // a key step: a forged attestation has the weights' key released
    window,      // reading a full copy from a window
    exfiltrate,  // getting the copy out
  } kind = Kind::foothold;
  std::string id;  // actor, capability, key step or stage id; "goal" for exfiltrate
  std::string name;
  double expected_s = 0;  // this step's expected time
};
std::string_view to_string(PathStep::Kind kind);  // "foothold", "step", "key", ...

struct AttackPath {
  std::string actor;
  int level = 0;
  bool found = false;          // some path reaches a full copy
  bool within_dwell = false;   // and its expected time fits in one foothold's dwell
  double expected_s = 0;       // after the foothold: steps + reading + egress
  double arrival_s = 0;        // expected wait for the foothold itself (1 / rate)
  double dwell_s = 0;          // the actor's dwell: how long one foothold lasts
  std::string stage;           // the window it goes through
  std::string location;        // that window's location, as analysed
  std::string capability;      // what reads it
  std::string key_capability;  // a key route: what extracted the key ("" otherwise)
  std::string key_step;        // a key route: the key step that had the key released
  Reach via;                   // the route it reads through (found paths)
  std::vector<PathStep> steps;
};

// The cheapest path by expected time (Boost Dijkstra) from the foothold to the goal.
AttackPath cheapest_path(const AttackGraph& graph, const Catalog& catalog,
                         const std::vector<Window>& windows, const ActorProfile& actor);

}  // namespace plainsight
