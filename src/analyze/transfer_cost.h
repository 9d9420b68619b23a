// What moving the weights costs in money (a scenario's `transfer_cost:`): per transfer, over
// the horizon, and for a distribution to several endpoints per year, each beside the
// published figure it is compared with.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/scenario.h"

namespace plainsight {

// A computed quantity and the published figure it is compared with.
struct PublishedComparison {
  std::string quantity;  // per_transfer | per_year | transfers
  double computed = 0;
  const PublishedFigure* published = nullptr;
  bool agrees = false;  // within 0.5% (the document's own rounding)
};

struct TransferCost {
  std::string stage;
  double bytes = 0;                        // per transfer: the stage's bytes, all shards together
  double transfers = 0;                    // the stage's events over the horizon
  const PublishedFigure* price = nullptr;  // usd_per_gb or usd per transfer
  double per_transfer_usd = 0;
  double horizon_usd = 0;  // transfers x per transfer
  int endpoints = 0;
  double every_s = 0;
  double per_period_usd = 0;    // endpoints x per transfer, each period
  double periods_per_year = 0;  // whole periods in a 365-day year
  double per_year_usd = 0;
  std::vector<PublishedComparison> compared;
};

// Nothing when the scenario has no `transfer_cost:`.
std::optional<TransferCost> transfer_cost(const Catalog& catalog, const Scenario& scenario);

}  // namespace plainsight
