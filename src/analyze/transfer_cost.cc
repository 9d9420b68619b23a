#include "analyze/transfer_cost.h"

#include <cmath>

namespace plainsight {

std::optional<TransferCost> transfer_cost(const Catalog& c, const Scenario& s) {
  if (!s.transfer_cost) return std::nullopt;
  const TransferPricing& p = *s.transfer_cost;
  const Stage& st = *s.stage(p.stage);
  TransferCost t;
  t.stage = st.id;
  t.bytes = s.stage_bytes(st) * st.shards;
  t.transfers = st.events * static_cast<double>(st.replicas);  // each replica transfers
  t.price = c.figure(p.price);
  t.per_transfer_usd =
      t.price->unit == "usd_per_gb" ? t.bytes / 1e9 * t.price->value : t.price->value;
  t.horizon_usd = t.per_transfer_usd * t.transfers;
  if (p.endpoints > 0) {
    t.endpoints = p.endpoints;
    t.every_s = p.every_s;
    t.per_period_usd = t.per_transfer_usd * p.endpoints;
    // Whole periods in a 365-day year: 52 weekly ones (a year is not a whole number of weeks).
    t.periods_per_year = std::floor(365.0 * 86400 / p.every_s + 1e-9);
    t.per_year_usd = t.per_period_usd * t.periods_per_year;
  }
  for (const auto& [quantity, id] : p.published) {
    PublishedComparison x;
    x.quantity = quantity;
    x.published = c.figure(id);
    x.computed = quantity == "per_transfer" ? t.per_transfer_usd
                 : quantity == "per_year"   ? t.per_year_usd
                                            : t.transfers;
    const double ref = x.published->value;
    x.agrees = ref == 0 ? x.computed == 0 : std::abs(x.computed - ref) <= 0.005 * std::abs(ref);
    t.compared.push_back(x);
  }
  return t;
}

}  // namespace plainsight
