#include "report/verdict_phrase.h"

#include <fmt/format.h>

#include "core/quantity.h"
#include "report/phrases.h"

namespace plainsight {
namespace {

std::string capability_name(const Catalog& c, const std::string& id) {
  const Capability* cap = c.capability(id);
  return cap ? cap->name : id;
}

std::string control_words(const Catalog& c, const std::vector<std::string>& controls) {
  std::string out;
  for (const std::string& id : controls) {
    const Control* ctl = Catalog::find(c.controls, id);
    out += (out.empty() ? "" : " + ") + (ctl ? fmt::format("{} ({})", ctl->name, id) : id);
  }
  return out;
}

// "9.8%", "0.02%", "0%": a probability as a reader compares them.
std::string percent(double p) {
  if (p <= 0) return "0%";
  if (p >= 1) return "100%";
  const int digits = p < 0.001 ? 3 : p < 0.01 ? 2 : 1;
  return fmt::format("{:.{}f}%", p * 100, digits);
}

std::string lowered(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z' && !(s.size() > 1 && s[1] >= 'A' && s[1] <= 'Z'))
    s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

}  // namespace

std::string level_words(const Analysis& a, int level) {
  for (const ActorThreat& at : a.threat.actors) {
    if (at.actor.level != level) continue;
    const std::string prefix = fmt::format("OC{} ", level);
    std::string words = at.actor.name;
    if (words.starts_with(prefix)) words = words.substr(prefix.size());
    return words.empty() || words == at.actor.name.substr(0, prefix.size() - 1)
               ? fmt::format("OC{}", level)
               : fmt::format("OC{} ({})", level, words);
  }
  return fmt::format("OC{}", level);
}

std::string deciding_phrase(const Analysis& a, const AttackPath& p) {
  const Catalog& c = *a.catalog;
  std::string where = p.stage;
  for (const PathStep& s : p.steps)
    if (s.kind == PathStep::Kind::window) where = s.name;
  where = located(where, p.location);
  if (p.via.key_step)
    return fmt::format("{} reads {} through a released key ({} first: {})",
                       capability_name(c, p.capability), where,
                       capability_name(c, p.key_capability), lowered(p.via.key_step->name));
  return fmt::format("{} on {}", capability_name(c, p.capability), where);
}

VerdictText verdict_text(const Analysis& a) {
  VerdictText out;
  if (!a.verdict) return out;
  const Verdict& v = *a.verdict;
  if (v.breached_by.empty())
    out.headline = fmt::format(
        "Resists {}: no actor in the catalog completes a path to a full copy within its dwell",
        level_words(a, v.ceiling));
  else
    out.headline = fmt::format(
        "{}does not resist {}: {}, a full copy {} after a foothold",
        v.ceiling > 0 ? fmt::format("Resists {}; ", level_words(a, v.ceiling)) : "Resists none; ",
        level_words(a, v.breached_level), deciding_phrase(a, v.path),
        format_duration(v.path.expected_s));
  if (v.target > 0) {
    out.outcome = v.meets_target() ? "pass" : "fail";
    out.items.push_back(
        {"Target",
         fmt::format(
             "resist OC{} ({}): {}{}", v.target,
             v.target_from == TargetSource::option ? "--require-ceiling" : "the scenario's target",
             v.meets_target() ? "PASS" : "FAIL",
             v.meets_target() ? "" : fmt::format(", OC{} breaks it", v.breached_level))});
  } else {
    out.items.push_back(
        {"Target", "none stated (set target: OCn in the scenario, or --require-ceiling OCn)"});
  }
  if (v.chance)
    out.items.push_back(
        {"Chance of a full copy",
         fmt::format("{} within the {} horizon (95% interval {} .. {}): OC{}, seeded simulation, "
                     "{} trials, seed {}",
                     percent(v.chance->probability), format_duration(v.chance->horizon_s),
                     percent(v.chance->ci_low), percent(v.chance->ci_high), v.chance->level,
                     v.chance->trials, v.chance->seed)});
  if (v.fix) {
    const VerdictFix& f = *v.fix;
    std::string change;
    if (f.ceiling_after > v.ceiling)
      change = fmt::format("the ceiling rises to OC{}", f.ceiling_after);
    else
      change = fmt::format("the ceiling stays OC{}", v.ceiling);
    std::string after;
    if (!f.after.found)
      after = fmt::format("OC{} has no path left", v.breached_level);
    else
      after = fmt::format("OC{}'s cheapest path becomes {}, {}{}", v.breached_level,
                          deciding_phrase(a, f.after), format_duration(f.after.expected_s),
                          f.after.within_dwell ? " (within its dwell)" : " (beyond its dwell)");
    out.items.push_back(
        {"Cheapest fix",
         fmt::format("{} (cost {:g}){}: {}; {}", control_words(*a.catalog, f.controls), f.cost,
                     f.cuts_every_path ? "" : ", cuts some paths only", change, after)});
  } else if (!v.breached_by.empty()) {
    out.items.push_back({"Cheapest fix", a.threat.defenses
                                             ? "no deployable catalog control cuts the path"
                                             : "not computed in this run"});
  }
  return out;
}

nlohmann::ordered_json verdict_json(const Analysis& a) {
  using json = nlohmann::ordered_json;
  if (!a.verdict) return nullptr;
  const Verdict& v = *a.verdict;
  const VerdictText t = verdict_text(a);
  json items = json::object();
  for (const VerdictItem& i : t.items) items[i.label] = i.text;
  json out = {{"headline", t.headline},
              {"ceiling", v.ceiling},
              {"breached_by", v.breached_by.empty() ? json() : json(v.breached_by)},
              {"breached_level", v.breached_level}};
  if (!v.breached_by.empty())
    out["deciding"] = {{"stage", v.path.stage},
                       {"capability", v.path.capability},
                       {"released_key", v.path.via.key_step != nullptr},
                       {"key_capability", v.path.key_capability},
                       {"expected_s", v.path.expected_s}};
  out["target"] = v.target > 0 ? json(v.target) : json();
  out["target_from"] = v.target_from == TargetSource::option     ? json("--require-ceiling")
                       : v.target_from == TargetSource::scenario ? json("scenario")
                                                                 : json();
  out["outcome"] = t.outcome.empty() ? json() : json(t.outcome);
  if (v.chance)
    out["full_copy_probability"] = {{"actor", v.chance->actor},
                                    {"level", v.chance->level},
                                    {"probability", v.chance->probability},
                                    {"ci95", {v.chance->ci_low, v.chance->ci_high}},
                                    {"horizon_s", v.chance->horizon_s},
                                    {"trials", v.chance->trials},
                                    {"seed", v.chance->seed}};
  if (v.fix)
    out["fix"] = {
        {"controls", v.fix->controls},
        {"cost", v.fix->cost},
        {"cuts_every_path", v.fix->cuts_every_path},
        {"ceiling_after", v.fix->ceiling_after},
        {"after_found", v.fix->after.found},
        {"after_expected_s", v.fix->after.found ? json(v.fix->after.expected_s) : json()}};
  out["items"] = std::move(items);
  return out;
}

}  // namespace plainsight
