// One way to reach bytes: root on the host, a fabric tap, a bus interposer, ...
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/citation.h"
#include "core/conditions.h"
#include "core/input_error.h"
#include "core/protection_rule.h"
#include "core/state.h"
#include "core/ttc.h"

namespace plainsight {

// Which places a capability reaches (conditions on place attributes: place.hardware,
// place.operator, place.kind, place.access, offering.<attribute>), and where it reaches a
// place only after an extra step of its own (an attested workload nobody logs into).
struct PlaceScope {
  Conditions when;
  std::optional<Reduction> reduced;
  Citation source;
};

// What one foothold of a capability reads at a stage: one device (an interposer on one link,
// one stolen drive: the stage's shards, each replica on its own), or everything the place
// holds (root on a node reads all of its GPUs: a tensor-parallel replica together).
enum class Foothold { device, place };

// How a capability gets at the bytes, for grouping findings (one SARIF alert per stage and
// class) and for what to change: privileged software on a machine, physical access to
// hardware, or remote access to an account, a service or the network.
inline constexpr std::string_view kCapabilityClasses[] = {"software", "physical", "remote"};

struct Capability : Cited {
  std::string id;
  std::string name;
  std::string description;
  std::string capability_class = "software";  // one of kCapabilityClasses
  std::vector<std::string> reaches;           // medium ids this capability can get at
  std::vector<Citation> reach_sources;        // why it reaches each, parallel to `reaches`
  // The most it can obtain where nothing protects the bytes: plaintext, patterns (a side
  // channel) or metadata (an observer of traffic and names).
  Access yields = Access::plaintext;
  Foothold foothold = Foothold::device;
  // The places it reaches: any one scope holding (none listed: every place).
  std::vector<PlaceScope> places;
  // Protection rules treat it as this capability (a provider insider is root on the host of
  // the provider's machines: what keeps host root out keeps it out); "" for none.
  std::string acts_as;
  // How long an actor who can field it takes to get it working once it has a foothold.
  Ttc ttc;
  Citation ttc_source;  // where the time to compromise comes from
  SourceLocation where;

  const Citation* reach_source(const std::string& medium) const {
    for (std::size_t i = 0; i < reaches.size(); ++i)
      if (reaches[i] == medium) return &reach_sources[i];
    return nullptr;
  }
};

}  // namespace plainsight
