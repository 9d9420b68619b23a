// Whether an actor, through one capability, can read a full copy of the weights from a
// window before it closes: the capability must read plaintext there (the exposure matrix),
// and window length x read bandwidth, over the events the actor can witness during its
// dwell, must cover the bytes. Getting the copy out takes bytes / egress bandwidth.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyze/actor_profile.h"
#include "core/catalog.h"
#include "core/scenario.h"
#include "core/window.h"

namespace plainsight {

struct Reach {
  std::size_t window = 0;  // index into the windows (scenario stage order)
  std::string stage;
  // Identical replicas of the window (Window::replicas): each is reached on its own, on the
  // same terms, so the figures below are one replica's.
  double replicas = 1;
  std::string capability;
  std::size_t capability_index = 0;  // into the catalog's capabilities
  bool readable = false;             // a full copy can be read before the window closes
  double bytes_needed = 0;           // a full copy of the weights from this stage
  // What one foothold of the capability reads there: the stage's shards together (one
  // device's worth: an interposer on a link), or everything the place holds of the stage
  // (root on a node: all its GPUs, a tensor-parallel replica together).
  double bytes_held = 0;
  bool place_foothold = false;  // bytes_held is the place's (Foothold::place)
  // The actor's factor on the capability's time to compromise at this place (its profile's
  // place_reach: a partner's hosts easier, a provider's harder); 1 where none applies.
  double ttc_factor = 1;
  double open_s = 0;           // plaintext seconds per event (resident: the lifetime)
  double period_s = 0;         // seconds between events; 0 for a single or resident window
  double events = 1;           // events over the horizon
  double events_needed = 1;    // events whose bytes together make a full copy
  double events_in_dwell = 1;  // the most events one foothold can witness
  double read_s = 0;           // reading time: bytes / read bandwidth
  double wait_s = 0;           // expected waiting for the events, after the step succeeds
  double egress_s = 0;         // bytes / egress bandwidth
  // Standard deviation of an event's start: the measured spread of the window's per-event
  // duration (Figure::spread_s), periodic windows only; 0 without a measured spread.
  double jitter_s = 0;
  // Reduced, not closed: a step the capability must take before it reads here (finding a
  // bug in the TEE's own firmware), with its own time to compromise; null when none.
  const Reduction* reduced = nullptr;
  // A key route: the window holds ciphertext under a key custody that releases its key on
  // attestation, and the actor forges one (`key_step`) with a key it extracts from
  // `key_window` through `key_capability`. `capability` is then what reads the ciphertext.
  const KeyStep* key_step = nullptr;
  std::size_t key_window = 0;
  std::string key_capability;
  std::size_t key_capability_index = 0;  // into the catalog's capabilities
  double key_s = 0;  // expected time to hold the weights' key: extraction plus forging

  double window_cost_s() const { return wait_s + read_s; }
};

// Bytes a full copy of the weights needs from a stage, and what the stage holds in total.
double full_copy_bytes(const Scenario& scenario, const Stage& stage);

// What one foothold of a place-wide capability (Foothold::place) reads of a medium at a
// place: every stage of that medium there whose cell gives it the same access, each stage's
// shards times its count (the 8 GPUs of a node, as one stage with a count or as 8 stages).
class PlaceHoldings {
 public:
  PlaceHoldings(const Catalog& catalog, const Scenario& scenario,
                const std::vector<Window>& windows);
  // `window`: the window's index in the vector the holdings were built from.
  double at(std::size_t window, std::size_t capability, Access access) const;

 private:
  std::uint64_t key(std::size_t window, std::size_t capability, Access access) const;
  std::vector<std::uint64_t> base_;  // per window: its place and medium, shifted into a key
  std::unordered_map<std::uint64_t, double> held_;
};

// `cell` is the window's cell at `cell_index` (its capability's catalog index). `holdings`:
// what the window's place holds (null: this stage's own replicas alone).
Reach window_reach(const Catalog& catalog, const Scenario& scenario, const Window& window,
                   std::size_t index, const Cell& cell, std::size_t cell_index,
                   const ActorProfile& actor, const PlaceHoldings* holdings = nullptr);

// Every (window, capability) where the actor fields the capability and it reads plaintext,
// readable or not (only the readable ones with `readable_only`: all a control's variant
// needs, a fraction of the entries on a cluster), in window order then capability order;
// then the key routes: ciphertext the actor reads once a forged attestation has the key
// released (docs/model.md, "Keys and forged attestation"), in the same order.
std::vector<Reach> actor_reach(const Catalog& catalog, const Scenario& scenario,
                               const std::vector<Window>& windows, const ActorProfile& actor,
                               bool readable_only = false);
// The same with the windows' holdings already built (one set serves every actor).
std::vector<Reach> actor_reach(const Catalog& catalog, const Scenario& scenario,
                               const std::vector<Window>& windows, const ActorProfile& actor,
                               bool readable_only, const PlaceHoldings& holdings);

}  // namespace plainsight
