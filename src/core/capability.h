// One way to reach bytes: root on the host, a fabric tap, a bus interposer, ...
#pragma once

#include <string>
#include <vector>

#include "core/citation.h"
#include "core/input_error.h"
#include "core/state.h"
#include "core/ttc.h"

namespace plainsight {

struct Capability : Cited {
  std::string id;
  std::string name;
  std::string description;
  std::vector<std::string> reaches;     // medium ids this capability can get at
  std::vector<Citation> reach_sources;  // why it reaches each, parallel to `reaches`
  // The most it can obtain where nothing protects the bytes: plaintext, patterns (a side
  // channel) or metadata (an observer of traffic and names).
  Access yields = Access::plaintext;
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
