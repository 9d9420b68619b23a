// The exposure ceiling: the highest RAND operational-capacity level (OC1..OC5) kept from a
// full copy of the weights. An actor breaks it only with an attack path that completes
// within its dwell: it must read a full copy from a window before the window closes, and
// its cheapest path (steps, reading, egress) must fit in one foothold. One story with the
// attack paths. An exposure-based reading of RAND's SL1..SL5, not a certification: it looks
// only at where the bytes sit in plaintext and who can reach them.
#pragma once

#include <string>
#include <vector>

#include "analyze/actor_profile.h"
#include "analyze/attack_graph.h"
#include "analyze/window_reach.h"
#include "core/catalog.h"
#include "core/window.h"

namespace plainsight {

struct CeilingWindow {
  std::size_t window = 0;  // index into the windows
  std::size_t reach = 0;   // index into the breaching actor's reach
  std::string stage;
  std::string capability;
  bool readable = false;   // false: reachable, but the window is too short for a full copy
  bool key_route = false;  // read as ciphertext once a forged attestation released the key
};

// An actor below the breach that reads a window in full but whose cheapest path outlasts
// its dwell: held off by time, not by a protection.
struct HeldOff {
  std::string actor;
  int level = 0;
  double expected_s = 0;
  double dwell_s = 0;
};

struct ExposureCeiling {
  int level = 0;            // 0 when not even OC1 is kept out
  std::string breached_by;  // the first actor that reaches a window ("oc3"); "" when none
  int breached_level = 0;
  double breached_dwell_s = 0;  // the breaching actor's dwell, its path fits in
  // The plaintext windows the breaching actor's capabilities reach: readable ones limit the
  // ceiling; the others are listed so the reader sees why they do not.
  std::vector<CeilingWindow> windows;
  std::vector<HeldOff> held_off;
  AttackPath path;  // the breaching actor's path
};

// Each actor (in level order) with its actor_reach and cheapest path.
struct ActorExposure {
  const ActorProfile* actor = nullptr;
  const std::vector<Reach>* reach = nullptr;
  const AttackPath* path = nullptr;
};
ExposureCeiling exposure_ceiling(const std::vector<Window>& windows,
                                 const std::vector<ActorExposure>& actors);

}  // namespace plainsight
