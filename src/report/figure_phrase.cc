#include "report/figure_phrase.h"

#include <fmt/format.h>

#include "core/probe_account.h"
#include "core/quantity.h"
#include "report/measurement_phrase.h"

namespace plainsight {
namespace {

// "140 GB / 64 GB/s (what)"
std::string over(const Derivation& d, const std::string& what) {
  return fmt::format("{} / {} ({})", format_bytes(d.bytes), format_bandwidth(d.bandwidth_Bps),
                     what);
}

}  // namespace

std::string written_phrase(const Figure& f) {
  using K = Derivation::Kind;
  if (f.how.kind == K::written) return f.how.ref;
  if (f.how.kind == K::written_by_scenario) return f.how.ref + " (set by the scenario)";
  return "";
}

std::string figure_how(const Catalog& c, const Figure& f) {
  using K = Derivation::Kind;
  const Derivation& d = f.how;
  switch (d.kind) {
    case K::none:
      return f.probe ? probe_account_phrase(*f.probe) : "";
    case K::written:
    case K::written_by_scenario:
      return written_phrase(f);
    case K::stated:
      return "stated in the scenario";
    case K::resident_horizon:
      return "resident for the whole horizon";
    case K::resident_stated:
      return "resident lifetime stated in the scenario";
    case K::link: {
      const Link* l = c.link(d.ref);
      const std::string name = l ? l->name : d.ref;
      if (d.capacity_bytes > 0)
        return over(d, fmt::format("{} x {:.4g} TiB", name, d.capacity_bytes / 1099511627776.0));
      return over(d, name);
    }
    case K::stated_bandwidth:
      return over(d, "bandwidth stated in the scenario");
    case K::figure: {
      const PublishedFigure* p = c.figure(d.ref);
      const std::string what = p ? p->description : d.ref;
      return d.bandwidth_Bps > 0 ? over(d, what) : what;
    }
    case K::scaled_stated:
      return "the stated duration scaled to these bytes";
    case K::cc_factor: {
      const CcCost* k = Catalog::find(c.cc_costs, d.ref);
      const PublishedFigure* p = k ? c.figure(k->figure) : nullptr;
      if (!p) return fmt::format("{} x the CC factor of {}", format_duration(d.base_s), d.ref);
      return fmt::format("{} x {:.4g} ({}){}", format_duration(d.base_s), p->value, p->description,
                         k->borrowed ? "; borrowed: " + k->borrowed_because.says : "");
    }
    case K::cc_unchanged:
      return fmt::format("confidential mode does not change {} here ({} either way: {})", d.medium,
                         to_string(d.state), d.ref);
    case K::cc_unpriced:
      return "no CC-on figure: assumed unchanged";
    case K::unpriced:
      return "no figure";
    case K::never_plaintext:
      return "never plaintext here";
    case K::held_encrypted:
      return fmt::format("held as {}", to_string(d.state));
  }
  return "";
}

std::string provenance_phrase(const Catalog& c, const Figure& f) {
  std::string s(to_string(f.provenance));
  const std::string how = figure_how(c, f);
  if (!how.empty()) s += ": " + how;
  if (!f.source.empty()) s += " [" + f.source + "]";
  // The chain: what else was weighed for this figure, numbered.
  for (std::size_t i = 0; i < f.considered.size(); ++i)
    s += fmt::format("{}{}) {}", i == 0 ? "; considered: " : "; ", i + 1,
                     considered_phrase(f.considered[i]));
  return s;
}

}  // namespace plainsight
