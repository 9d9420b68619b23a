#include "report/deployment_phrase.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "load/platform_validity.h"
#include "report/place_phrase.h"

namespace plainsight {

namespace {

std::string place_name(const Place& p) { return p.implicit ? "the platform" : p.name; }

// Why, without naming the place: places with the same reason are listed together.
std::string reason_phrase(const Analysis& a, const Undeployable& u) {
  const Catalog& c = *a.catalog;
  const Place& p = a.scenario.places[u.place];
  using R = Undeployable::Reason;
  switch (u.reason) {
    case R::pinned:
      return fmt::format(
          "the scenario states {}: {} there (pinned; --set places[{}].platform.{} "
          "changes it)",
          u.key, u.value, p.id, u.key);
    case R::offering: {
      const Offering* o = c.offering(u.offering);
      const OfferingAllows* allows = o ? o->allowed(u.key) : nullptr;
      std::string offers;
      if (allows)
        for (const std::string& v : allows->values) offers += (offers.empty() ? "" : ", ") + v;
      const Source* s = allows ? c.source(allows->source.id) : nullptr;
      return fmt::format("{} has no {} {} (it offers {}; {} [{}])", o ? o->name : u.offering, u.key,
                         u.value, offers, s ? s->title : (allows ? allows->source.id : ""),
                         allows ? to_string(allows->source.status) : "");
    }
    case R::not_ours:
      return fmt::format("run by {}: its {} is not a customer's to set", operator_words(p), u.key);
    case R::refused: {
      const PlatformRefusal* r = Catalog::find(c.refusals, u.rule);
      return fmt::format("the vendor refuses the result ({}: {})", u.rule, r ? r->message : "");
    }
    case R::no_gpu:
      return "no GPU";
    case R::hbm_fit:
      return fmt::format("a shard would not fit a {}'s HBM", u.value);
  }
  return "";
}

}  // namespace

std::string settings_phrase(const Control& k) {
  std::string sets;
  for (const ControlSetting& x : k.sets) {
    std::string values;
    for (const auto& v : x.values) values += (values.empty() ? "" : "|") + v;
    sets += (sets.empty() ? "" : ", ") + x.key + "=" + values;
  }
  return sets;
}

std::string undeployable_phrase(const Analysis& a, const Undeployable& u) {
  return place_name(a.scenario.places[u.place]) + ": " + reason_phrase(a, u);
}

std::vector<std::string> deployment_lines(const Analysis& a) {
  std::vector<std::string> out;
  for (const Deployment& d : a.threat.deployments) {
    auto names = [&](const std::vector<std::size_t>& places) {
      std::string s;
      for (std::size_t i : places) {
        const Place& p = a.scenario.places[i];
        s += (s.empty() ? "" : ", ") + (p.implicit ? std::string("the platform") : p.name);
      }
      return s;
    };
    std::string line = d.control + ": ";
    const Control* control = Catalog::find(a.catalog->controls, d.control);
    if (d.deployable())
      line += "changes " + names(d.places);
    else if (d.moot.empty())
      line += "not deployable here";
    else
      line += "changes no window here";
    // A key a rule makes moot (link encryption on InfiniBand): set, but no window changes.
    if (!d.moot.empty() && control)
      line += fmt::format("{} it {}sets {} at {}, which alters no window there on its own",
                          d.deployable() ? ";" : ":", d.deployable() ? "also " : "",
                          settings_phrase(*control), names(d.moot));
    if (!d.already.empty()) line += "; already at " + names(d.already);
    // Places that share a reason, together: "A and B: p5 has no cpu_tee sev_snp (...)".
    std::vector<std::pair<std::string, std::vector<std::size_t>>> reasons;
    for (const Undeployable& u : d.undeployable) {
      const std::string why = reason_phrase(a, u);
      auto it = std::find_if(reasons.begin(), reasons.end(),
                             [&](const auto& r) { return r.first == why; });
      if (it == reasons.end()) it = reasons.insert(reasons.end(), {why, {}});
      it->second.push_back(u.place);
    }
    for (const auto& [why, places] : reasons) line += "; " + names(places) + ": " + why;
    if (d.places.empty() && d.moot.empty() && d.already.empty() && d.undeployable.empty())
      line += "; it selects no place of this scenario";
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace plainsight
