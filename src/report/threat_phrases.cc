#include "report/threat_phrases.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/quantity.h"
#include "report/cell_reason.h"
#include "report/figure_phrase.h"
#include "report/phrases.h"

namespace plainsight {
namespace {

std::string capability_name(const Catalog& c, const std::string& id) {
  const Capability* cap = c.capability(id);
  return cap ? cap->name : id;
}

const PathStep* step_of(const AttackPath& p, PathStep::Kind kind) {
  for (const PathStep& s : p.steps)
    if (s.kind == kind) return &s;
  return nullptr;
}

}  // namespace

std::string reach_reason(const Reach& r, const ActorProfile& actor) {
  const double read_bw = actor.read_bandwidth.value;
  if (r.bytes_held + 1e-9 * r.bytes_needed < r.bytes_needed)
    return fmt::format("holds {}, less than a full copy ({})", format_bytes(r.bytes_held),
                       format_bytes(r.bytes_needed));
  if (r.open_s <= 0) return "never plaintext here";
  if (r.events_needed <= 1)
    return fmt::format("{} open{}; {} at {} takes {}", format_duration(r.open_s),
                       r.events > 1 ? " per event" : "", format_bytes(r.bytes_needed),
                       format_bandwidth(read_bw), format_duration(r.read_s));
  return fmt::format(
      "{} open per event reads {} at {}: a full copy ({}) needs {:g} events, {} within a "
      "dwell of {} ({:g} available)",
      format_duration(r.open_s), format_bytes(std::min(r.bytes_needed, r.open_s * read_bw)),
      format_bandwidth(read_bw), format_bytes(r.bytes_needed), r.events_needed,
      r.readable ? "possible" : "more than fit", format_duration(actor.dwell.value),
      r.events_in_dwell);
}

std::string route_phrase(const RouteRef& r) { return r.capability + " at " + r.stage; }

std::string brief_routes(const std::vector<RouteRef>& routes, std::size_t shown) {
  std::vector<std::string> head;
  for (std::size_t i = 0; i < routes.size() && i < shown; ++i)
    head.push_back(route_phrase(routes[i]));
  std::string out = fmt::format("{}", fmt::join(head, ", "));
  if (routes.size() > shown) out += fmt::format(" and {} more", routes.size() - shown);
  return out;
}

std::string path_route(const Catalog& c, const AttackPath& p) {
  const PathStep* window = step_of(p, PathStep::Kind::window);
  std::string route = capability_name(c, p.capability);
  if (p.via.key_step)
    route = fmt::format("{} -> {} -> {}", capability_name(c, p.key_capability),
                        p.via.key_step->name, route);
  return fmt::format(
      "{} -> {} -> a full copy out; expected {} after a foothold{}", route,
      located(window ? window->name : p.stage, p.location), format_duration(p.expected_s),
      p.within_dwell ? ""
                     : fmt::format(", longer than its dwell of {}", format_duration(p.dwell_s)));
}

std::string path_summary(const Catalog& c, const ActorProfile& actor, const AttackPath& p) {
  if (!p.found)
    return fmt::format(
        "{} has no path to a full copy: no capability it fields reads a plaintext window in "
        "full before it closes",
        actor.name);
  return actor.name + ": " + path_route(c, p);
}

std::string step_detail(const Analysis& a, const ActorProfile& actor, const AttackPath& p,
                        std::size_t index) {
  using K = PathStep::Kind;
  const Catalog& c = *a.catalog;
  const PathStep& s = p.steps[index];
  const Reach& via = p.via;
  switch (s.kind) {
    case K::foothold:
      return fmt::format("footholds arrive at {} ({}); expected wait {}",
                         written_phrase(actor.foothold_rate),
                         to_string(actor.foothold_rate.provenance), format_duration(p.arrival_s));
    case K::step: {
      const Capability* cap = c.capability(s.id);
      if (!cap) return {};
      // The reading capability of a key route, worked on alongside the key.
      if (index > 0 && p.steps[index - 1].kind == K::key)
        return fmt::format(
            "{} fields it; time to compromise {} (mean {}), in parallel with the key: {} beyond "
            "it",
            actor.name, cap->ttc.text, format_duration(cap->ttc.mean_s()),
            format_duration(s.expected_s));
      std::string detail = fmt::format("{} fields it; time to compromise {} (mean {})", actor.name,
                                       cap->ttc.text, format_duration(s.expected_s));
      if (via.key_step && via.key_window < a.windows.size()) {
        const Window& kw = a.windows[via.key_window];
        for (const Cell& cell : kw.cells)
          if (cell.capability == s.id && cell.extracts)
            detail +=
                fmt::format("; at {} it gets the {} key: {}", located(name_phrase(kw), kw.location),
                            cell.extracts->key, cell.extracts->source.says);
      }
      return detail;
    }
    case K::key: {
      const KeyStep& ks = *via.key_step;
      return fmt::format(
          "time to compromise {} (mean {}); a key custody that releases its key on {} hands it "
          "out: {}",
          ks.ttc.text, format_duration(s.expected_s), ks.releases, ks.source.says);
    }
    case K::window: {
      std::string why;
      if (via.window < a.windows.size()) {
        const Window& w = a.windows[via.window];
        for (const Cell& cell : w.cells)
          if (cell.capability == via.capability)
            why = cell_reason(c, a.scenario.places[w.place], w, cell);
      }
      std::string detail = fmt::format(
          "{} to {} ({}){}; {}", via.key_step ? "ciphertext" : "plaintext", via.capability, why,
          via.key_step ? ", decrypted with the released key" : "", reach_reason(via, actor));
      if (via.reduced)
        detail += fmt::format("; first {} (time to compromise {}, mean {})", via.reduced->step,
                              via.reduced->ttc.text, format_duration(via.reduced->ttc.mean_s()));
      return detail;
    }
    case K::exfiltrate:
      return fmt::format("{} out at {}", format_bytes(via.bytes_needed),
                         format_bandwidth(actor.egress_bandwidth.value));
  }
  return {};
}

std::string ceiling_label(int level) { return level > 0 ? fmt::format("OC{}", level) : "none"; }

std::string ceiling_summary(const Analysis& a) {
  const ExposureCeiling& c = a.threat.ceiling;
  std::string held;
  for (const HeldOff& h : c.held_off)
    held += fmt::format(
        "; OC{} reads a window in full but its cheapest path ({}) outlasts its "
        "dwell ({})",
        h.level, format_duration(h.expected_s), format_duration(h.dwell_s));
  if (c.breached_by.empty())
    return fmt::format(
        "no actor in the catalog, up to OC{}, completes a path to a full copy within its "
        "dwell{}",
        c.level, held);
  return fmt::format(
      "{}: OC{} completes a path within its dwell ({}): {}{}",
      c.level > 0 ? fmt::format("kept out up to OC{}", c.level) : "not even OC1 is kept out",
      c.breached_level, format_duration(c.path.dwell_s), path_route(*a.catalog, c.path), held);
}

std::string defense_summary(const ActorProfile& actor, const MinimalDefense& d) {
  if (!d.needed)
    return fmt::format("{} has no path to a full copy; no control is needed", actor.name);
  const std::string controls =
      d.controls.empty() ? "no control" : fmt::format("{}", fmt::join(d.controls, " + "));
  const std::string opens =
      d.opens.empty() ? "" : fmt::format(" but opens {}", brief_routes(d.opens, 4));
  if (d.cuttable)
    return fmt::format("{} (cost {:g}) cuts every path of {}", controls, d.cost, actor.name);
  return fmt::format(
      "no set of catalog controls cuts every path of {}: nothing in the catalog closes {}{}",
      actor.name, d.uncut.empty() ? std::string("the paths left") : brief_routes(d.uncut, 4),
      d.controls.empty()
          ? ""
          : fmt::format("; {} (cost {:g}) cuts the others{}", controls, d.cost, opens));
}

const ActorThreat* actor_threat(const Analysis& a, const std::string& actor) {
  for (const ActorThreat& t : a.threat.actors)
    if (t.actor.id == actor) return &t;
  return nullptr;
}

}  // namespace plainsight
