// What moving the weights costs in money: the optional `transfer_cost:` section of a
// scenario (docs/scenarios.md). Each event of `stage` is one transfer of its bytes, priced
// by a catalog figure; a distribution sends the same transfer to several endpoints on a
// schedule. Published figures named here are shown beside the computed ones.
#pragma once

#include <map>
#include <string>

#include "core/input_error.h"

namespace plainsight {

struct TransferPricing {
  std::string stage;   // scenario stage whose events are the transfers
  std::string price;   // catalog figure: usd_per_gb, or usd per transfer
  int endpoints = 0;   // a distribution to this many endpoints (0: none) ...
  double every_s = 0;  // ... every this many seconds
  // Published figures to compare: per_transfer (usd), per_year (usd), transfers (count).
  std::map<std::string, std::string> published;
  SourceLocation where;
};

}  // namespace plainsight
