#include "analyze/window_basis.h"

#include <algorithm>

namespace plainsight {
namespace {

bool mentions(const Conditions& when, const std::string& prefix) {
  for (const auto& [key, values] : when)
    if (key == prefix || key.starts_with(prefix + ".")) return true;
  return false;
}

}  // namespace

std::vector<BasisFact> window_basis(const Catalog& c, const Scenario& s, const Stage& st,
                                    const Window& w) {
  std::vector<BasisFact> out;
  using K = BasisFact::Kind;
  const ProtectionRule* rule = Catalog::find(c.protections, w.protection_id);
  if (rule) {
    out.push_back({K::protection, rule->id, &rule->source, rule});
    if (st.protection_source) out.push_back({K::stated, st.id, &*st.protection_source, nullptr});
    if (w.derived) out.push_back({K::derived, w.derived->id, &w.derived->source, w.derived});
    const ProtectionRule* deciding = rule;
    if (const PlatformOption* g = Catalog::find(c.gpus, s.platform_of(st).gpu);
        g && mentions(deciding->when, "gpu"))
      out.push_back({K::gpu, g->id, &g->source, g});
    if (const PlatformOption* t = Catalog::find(c.cpu_tees, s.platform_of(st).cpu_tee);
        t && mentions(deciding->when, "cpu_tee"))
      out.push_back({K::cpu_tee, t->id, &t->source, t});
  } else if (const PlatformOption* k = Catalog::find(c.key_custodies, w.protection_id)) {
    out.push_back({K::custody, k->id, &k->source, k});
  }
  if (st.duration) {
    if (st.duration->kind == DurationSpec::Kind::link_transfer)
      if (const Link* l = c.link(st.duration->link)) out.push_back({K::link, l->id, &l->source, l});
    if (st.duration->kind == DurationSpec::Kind::figure)
      if (const PublishedFigure* f = c.figure(st.duration->figure))
        out.push_back({K::figure, f->id, &f->source, f});
  }
  for (const Cell& cell : w.cells)
    if (cell.access == Access::plaintext)
      if (const Capability* cap = c.capability(cell.capability))
        if (const Citation* why = cap->reach_source(st.medium))
          out.push_back({K::reach, cap->id, why, nullptr});
  return out;
}

RowStatus row_status(const std::vector<BasisFact>& facts) {
  RowStatus r;
  for (const BasisFact& f : facts) {
    // The readers' reach is listed in the notes; the row's status is what decides its state
    // and duration. The rule a scenario overrode does not decide the row.
    if (f.kind == BasisFact::Kind::reach || f.kind == BasisFact::Kind::derived) continue;
    r.weakest = std::max(r.weakest, f.source->status);
    if (f.cited && !f.cited->disputed_by.empty()) r.disputed = true;
  }
  for (const BasisFact& f : facts) r.disputed |= f.kind == BasisFact::Kind::derived;
  return r;
}

}  // namespace plainsight
