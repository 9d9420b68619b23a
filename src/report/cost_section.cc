#include "report/cost_section.h"

#include <cmath>

#include <fmt/format.h>

#include "core/quantity.h"
#include "report/citation_phrase.h"

namespace plainsight {

std::string format_usd(double usd) {
  if (usd != std::round(usd) || std::abs(usd) < 10) {
    std::string s = fmt::format("{:.2f}", usd);
    if (s.ends_with(".00")) s.resize(s.size() - 3);
    return "$" + s;
  }
  std::string digits = fmt::format("{:.0f}", std::abs(usd)), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (usd < 0 ? "-$" : "$") + out;
}

std::vector<std::string> published_run_lines(const Analysis& a) {
  std::vector<std::string> out;
  if (!a.workload || a.workload->published.empty()) return out;
  const Catalog& c = *a.catalog;
  const WorkloadCost& w = *a.workload;
  for (const PublishedRunCost& p : w.published) {
    std::string what;
    if (p.slowdown > 0)
      what = fmt::format(
          "{} takes {:g}x as long (not applied here: it measured that operation, "
          "not this scenario's transfers)",
          p.cost->of, p.slowdown);
    else if (p.run_s > 0)
      what = fmt::format("a {} run took an extra {} ({:.1f}%)", format_duration(p.run_s),
                         format_duration(p.extra_s), 100 * p.low);
    else
      what = fmt::format(
          "throughput {:.0f}% to {:.0f}% lower: a {} run takes {} to {} (+{:.1f}% "
          "to +{:.1f}%)",
          100 * p.figures.front()->value, 100 * p.figures.back()->value,
          format_duration(w.run_off_s), format_duration(w.run_off_s * (1 + p.low)),
          format_duration(w.run_off_s * (1 + p.high)), 100 * p.low, 100 * p.high);
    out.push_back(fmt::format("Published for this GPU generation: {}: {} [{}]", p.cost->name, what,
                              status_phrase(c, p.figures.front()->source)));
    out.push_back(fmt::format("  {}", citation_phrase(c, p.figures.front()->source)));
  }
  std::vector<std::string> inputs;
  for (const WorkloadInput& i : w.inputs)
    inputs.push_back(
        fmt::format("{} {} (line {})", input_phrase(i), input_value_phrase(i), i.where.line));
  out.push_back(fmt::format(
      "The estimate ({:.1f}%) counts only the scenario's transfers through the media confidential "
      "mode encrypts, priced per transfer, on the critical path; the published figures measure "
      "whole runs, compute, attestation and setup under CC included, on their own workloads. "
      "Inputs of the estimate stated by the scenario (assumed): {}.",
      100 * w.overhead(), fmt::join(inputs, ", ")));
  return out;
}

std::vector<std::string> transfer_cost_lines(const Analysis& a) {
  std::vector<std::string> out;
  if (!a.transfer_cost) return out;
  const Catalog& c = *a.catalog;
  const TransferCost& t = *a.transfer_cost;
  const std::string price =
      t.price->unit == "usd_per_gb"
          ? fmt::format("{} at {}/GB", format_bytes(t.bytes), format_usd(t.price->value))
          : fmt::format("{} flat", format_usd(t.price->value));
  // The horizon's total is this tool's arithmetic (price x transfers), not a figure any
  // source states: labelled derived, the price's own status beside it.
  out.push_back(
      fmt::format("Transfer cost: {} per transfer ({}; price [{}]); {} transfers over the "
                  "horizon (stage '{}'): {} (derived: per transfer x transfers)",
                  format_usd(t.per_transfer_usd), price, status_phrase(c, t.price->source),
                  format_events(t.transfers), t.stage, format_usd(t.horizon_usd)));
  if (t.endpoints > 0)
    out.push_back(fmt::format(
        "  to {} endpoints every {}: {} per period, {} periods in a 365-day year: {} a year",
        t.endpoints, format_duration(t.every_s), format_usd(t.per_period_usd),
        format_events(t.periods_per_year), format_usd(t.per_year_usd)));
  for (const PublishedComparison& x : t.compared) {
    const std::string computed =
        x.quantity == "transfers" ? fmt::format("{:g}", x.computed) : format_usd(x.computed);
    const std::string published = x.quantity == "transfers"
                                      ? fmt::format("{:g}", x.published->value)
                                      : format_usd(x.published->value);
    out.push_back(fmt::format("  {}: {} here; the source says {} ({}): {} [{}]{}",
                              x.quantity == "per_transfer" ? "per transfer"
                              : x.quantity == "per_year"   ? "per year"
                                                           : "transfers",
                              computed, published, x.agrees ? "agrees" : "differs",
                              citation_phrase(c, x.published->source),
                              status_phrase(c, x.published->source),
                              x.published->note.empty() ? "" : "; " + x.published->note));
  }
  return out;
}

std::string workload_claim(const WorkloadCost& w) {
  return fmt::format("a {} run takes an extra {} ({:.1f}%) with confidential mode on",
                     format_duration(w.run_off_s), format_duration(w.extra_s()),
                     100 * w.overhead());
}

std::vector<std::string> workload_notes(const WorkloadCost& w) {
  if (w.no_gpu) return {"no GPU in the platform: confidential mode does not apply"};
  return {
      "transfers are counted on the critical path (none overlapped with compute): an upper "
      "bound on the overhead"};
}

std::string transfer_phrase(TransferKind k) {
  switch (k) {
    case TransferKind::per_step:
      return "per step";
    case TransferKind::checkpoint:
      return "checkpoint";
    case TransferKind::model_load:
      return "model load";
  }
  return "";
}

std::string input_phrase(const WorkloadInput& i) {
  using K = WorkloadInput::Kind;
  switch (i.kind) {
    case K::run:
      return "run (CC off)";
    case K::step:
      return "step time";
    case K::per_step:
      return "per step to " + i.stage;
    case K::checkpoint_every:
      return "checkpoint every";
    case K::model_loads:
      return "model loads";
  }
  return "";
}

std::string input_value_phrase(const WorkloadInput& i) {
  using K = WorkloadInput::Kind;
  switch (i.kind) {
    case K::per_step:
      return format_bytes(i.value);
    case K::model_loads:
      return fmt::format("{:g}", i.value);
    case K::run:
    case K::step:
    case K::checkpoint_every:
      return format_duration(i.value);
  }
  return "";
}

std::vector<std::string> cost_lines(const Analysis& a) {
  std::vector<std::string> out = published_run_lines(a);
  std::vector<std::string> t = transfer_cost_lines(a);
  out.insert(out.end(), t.begin(), t.end());
  return out;
}

}  // namespace plainsight
