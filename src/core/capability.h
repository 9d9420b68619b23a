// One way to reach bytes: root on the host, a fabric tap, a bus interposer, ...
#pragma once

#include <string>
#include <vector>

#include "core/input_error.h"
#include "core/state.h"
#include "core/ttc.h"

namespace plainsight {

struct Capability {
  std::string id;
  std::string name;
  std::string description;
  std::vector<std::string> reaches;  // medium ids this capability can get at
  // The most it can obtain where nothing protects the bytes: plaintext, patterns (a side
  // channel) or metadata (an observer of traffic and names).
  Access yields = Access::plaintext;
  // How long an actor who can field it takes to get it working once it has a foothold.
  Ttc ttc;
  std::string source;
  SourceLocation where;
};

}  // namespace plainsight
