// Which probes a run selects: "--suite host", "--suite host.aes_gcm,host.memcpy", or a mix
// of suite names and keys. Empty selects every probe; an empty entry (",", "host,") is
// refused.
#pragma once

#include <memory>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "hwprobe/harness/probe.h"

namespace hwprobe {

class SelectionError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// In registry order, each probe once. Throws SelectionError naming an unknown entry and
// the known suites.
std::vector<Probe*> select_probes(const std::vector<std::unique_ptr<Probe>>& all,
                                  std::string_view spec);

}  // namespace hwprobe
