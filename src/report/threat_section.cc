#include "report/threat_section.h"

#include <fmt/format.h>

#include "core/quantity.h"
#include "report/deployment_phrase.h"
#include "report/escaping.h"
#include "report/json_stream.h"
#include "report/json_values.h"
#include "report/phrases.h"
#include "report/text_table.h"
#include "report/threat_phrases.h"

namespace plainsight {
namespace {

using json = nlohmann::ordered_json;

// Whether the simulation's schedules were drawn with a measured jitter.
std::vector<std::string> simulation_notes(const SimulationResult& r) {
  std::vector<std::string> out;
  if (!r.drawn.empty()) {
    std::string names;
    for (const std::string& d : r.drawn) names += (names.empty() ? "" : ", ") + d;
    out.push_back(fmt::format(
        "each trial drew the actor's {} from the stated 90% range (median: the point value); "
        "the interval then holds that uncertainty as well as the sampling",
        names));
  }
  if (r.bounded_routes > 0)
    out.push_back(fmt::format(
        "{} route{} through replicated windows draw both a step per replica and measured jitter: "
        "the earliest of each is taken together, a bound in the attacker's favour",
        r.bounded_routes, r.bounded_routes == 1 ? "" : "s"));
  if (r.jittered_routes == 0)
    out.push_back(
        "no measured jitter: per-event windows follow their nominal schedule (events at k x "
        "period from the start of the horizon)");
  else if (r.jittered_routes < r.periodic_routes)
    out.push_back(
        fmt::format("measured jitter on {} of {} per-event routes; the others follow their "
                    "nominal schedule",
                    r.jittered_routes, r.periodic_routes));
  return out;
}

json route_phrases(const std::vector<RouteRef>& routes) {
  json out = json::array();
  for (const RouteRef& r : routes) out.push_back(route_phrase(r));
  return out;
}

std::string time_or_never(double s) { return std::isfinite(s) ? format_duration(s) : "never"; }

}  // namespace

TextTable ceiling_table(const Analysis& a) {
  const ExposureCeiling& c = a.threat.ceiling;
  const ActorThreat* breach = actor_threat(a, c.breached_by);
  TextTable t;
  t.header = {"Window",     "Location", "Capability", "Protection (why plaintext)",
              "Full copy?", "Why"};
  for (const CeilingWindow& cw : c.windows) {
    const Window& w = a.windows[cw.window];
    const Capability* cap = a.catalog->capability(cw.capability);
    const std::string name = cap ? cap->name : cw.capability;
    t.rows.push_back({name_phrase(w), w.location,
                      cw.key_route ? name + " (once the key is released)" : name,
                      protection_phrase(w), cw.readable ? "yes" : "no, too short",
                      reach_reason(breach->reach[cw.reach], breach->actor)});
  }
  return t;
}

TextTable paths_table(const Analysis& a) {
  TextTable t;
  t.header = {"Actor",        "Cheapest path",   "Expected after foothold",
              "Within dwell", "Minimal defence", "Cost"};
  for (const ActorThreat& at : a.threat.actors) {
    std::string path = "none";
    if (at.path.found) {
      path.clear();
      for (const PathStep& s : at.path.steps)
        if (s.kind != PathStep::Kind::foothold) path += (path.empty() ? "" : " -> ") + s.id;
    }
    std::string defence = "-";
    std::string cost = "-";
    if (a.threat.defenses && at.defense.needed) {
      defence = at.defense.controls.empty()
                    ? "none"
                    : fmt::format("{}", fmt::join(at.defense.controls, " + "));
      if (!at.defense.cuttable) {
        defence += fmt::format(" (uncut: {})", brief_routes(at.defense.uncut, 3));
      }
      if (!at.defense.opens.empty())
        defence += fmt::format(" (opens: {})", brief_routes(at.defense.opens, 3));
      cost = fmt::format("{:g}", at.defense.cost);
    }
    t.rows.push_back({at.actor.name, path,
                      at.path.found ? format_duration(at.path.expected_s) : "-",
                      at.path.found ? (at.path.within_dwell ? "yes" : "no") : "-", defence, cost});
  }
  return t;
}

std::vector<std::string> step_lines(const Analysis& a, const ActorThreat& at) {
  std::vector<std::string> out;
  const AttackPath& p = at.path;
  for (std::size_t i = 0; i < p.steps.size(); ++i) {
    const PathStep& s = p.steps[i];
    out.push_back(fmt::format("{} {} ({}): {}", to_string(s.kind), s.name,
                              time_or_never(s.expected_s), step_detail(a, at.actor, p, i)));
  }
  return out;
}

namespace {

// `text` makes each line safe for the format (Markdown escapes; plain text as it is).
void steps_text(std::ostream& out, const Analysis& a, const ActorThreat& at,
                const std::string& bullet, std::string (*text)(std::string_view) = nullptr) {
  for (const std::string& line : step_lines(a, at))
    out << bullet << (text ? text(line) : line) << "\n";
}

}  // namespace

void threat_sections_plain(std::ostream& out, const Analysis& a) {
  if (!a.threat.computed) return;
  const ExposureCeiling& c = a.threat.ceiling;
  out << fmt::format(
      "\nExposure ceiling: {} (an exposure-based reading of RAND SL levels, not a "
      "certification)\n{}\n",
      ceiling_label(c.level), ceiling_summary(a));
  if (!c.windows.empty()) {
    out << '\n';
    ceiling_table(a).write_plain(out);
  }
  out << "\nAttack paths (expected times; MAL time-to-compromise, days as in MAL)\n\n";
  paths_table(a).write_plain(out);
  for (const ActorThreat& at : a.threat.actors) {
    if (!at.path.found) continue;
    out << fmt::format("\n{}\n", path_summary(*a.catalog, at.actor, at.path));
    steps_text(out, a, at, "  ");
    if (a.threat.defenses && at.defense.needed) {
      out << fmt::format("  defence: {}\n", defense_summary(at.actor, at.defense));
      out << fmt::format("  after: {}\n", path_summary(*a.catalog, at.actor, at.defense.after));
    }
  }
  if (a.threat.defenses) {
    out << "\nControls and where they can be deployed here (only these are proposed):\n";
    for (const std::string& line : deployment_lines(a)) out << "  " << line << '\n';
  }
}

void threat_sections_markdown(std::ostream& out, const Analysis& a) {
  if (!a.threat.computed) return;
  const ExposureCeiling& c = a.threat.ceiling;
  out << fmt::format(
      "\n## Exposure ceiling: {}\n\n{}. This is an exposure-based reading of RAND SL1..SL5, "
      "not a certification.\n\n",
      ceiling_label(c.level), md_text(ceiling_summary(a)));
  if (!c.windows.empty()) ceiling_table(a).write_markdown(out);
  out << "\n## Attack paths\n\n";
  paths_table(a).write_markdown(out);
  for (const ActorThreat& at : a.threat.actors) {
    if (!at.path.found) continue;
    out << fmt::format("\n### {}\n\n{}\n\n", md_text(at.actor.name),
                       md_text(path_summary(*a.catalog, at.actor, at.path)));
    steps_text(out, a, at, "- ", md_text);
    if (a.threat.defenses && at.defense.needed)
      out << fmt::format("\nMinimal defence: {}. After it: {}\n",
                         md_text(defense_summary(at.actor, at.defense)),
                         md_text(path_summary(*a.catalog, at.actor, at.defense.after)));
  }
  if (a.threat.defenses) {
    out << "\n## Controls and where they can be deployed here\n\nOnly deployable controls are "
           "proposed.\n\n";
    for (const std::string& line : deployment_lines(a)) out << "- " << md_text(line) << '\n';
  }
}

std::string simulation_plain(const Analysis& a) {
  if (!a.simulation) return "";
  const SimulationResult& r = *a.simulation;
  std::string out = fmt::format(
      "\nSimulation: OC{} ({}), {} trials, seed {}, horizon {}\n"
      "P(full copy within the horizon) = {:.4f}  (95% interval {:.4f} .. {:.4f}; {} of {})\n",
      r.level, r.actor, r.trials, r.seed, format_duration(r.horizon_s), r.probability, r.ci_low,
      r.ci_high, r.successes, r.trials);
  if (!r.percentiles.empty()) {
    out += "Time to a full copy (successful trials):";
    for (const auto& [q, s] : r.percentiles)
      out += fmt::format("  p{:g} {}", q * 100, format_duration(s));
    out += "\n";
  }
  if (!r.windows.empty()) {
    TextTable t;
    t.header = {"Window", "Capability", "Successful trials", "Share"};
    for (const WindowUse& w : r.windows)
      t.rows.push_back({w.stage, w.capability, std::to_string(w.trials),
                        fmt::format("{:.1f}%", 100.0 * w.trials / r.successes)});
    out += fmt::format("\n{}", t.plain());
  }
  // Which schedules were drawn with jitter, and the measurement each came from.
  for (const SimulationRoute& rt : r.routes)
    if (rt.period_s > 0 && rt.jitter_s > 0)
      out += fmt::format("jitter: {} ({}): event start sd {} ({:.1f}% of {} open){}\n", rt.stage,
                         rt.capability, format_duration(rt.jitter_s), 100 * rt.jitter_s / rt.open_s,
                         format_duration(rt.open_s),
                         rt.jitter_source.empty() ? "" : ", measured in " + rt.jitter_source);
  for (const std::string& n : simulation_notes(r)) out += fmt::format("note: {}\n", n);
  return out;
}

std::string simulation_markdown(const Analysis& a) {
  if (!a.simulation) return "";
  return fmt::format("\n## Simulation\n\n```\n{}```\n", simulation_plain(a).substr(1));
}

void write_threat_json(const Analysis& a, JsonStream& js) {
  if (a.threat.computed) {
    js.key("attack_paths");
    js.begin_array();
    for (const ActorThreat& at : a.threat.actors) {
      const AttackPath& p = at.path;
      json steps = json::array();
      for (std::size_t i = 0; i < p.steps.size(); ++i) {
        const PathStep& s = p.steps[i];
        steps.push_back({{"kind", to_string(s.kind)},
                         {"id", s.id},
                         {"name", s.name},
                         {"expected_s", std::isfinite(s.expected_s) ? json(s.expected_s) : json()},
                         {"detail", step_detail(a, at.actor, p, i)}});
      }
      js.begin_object();
      js.member("actor", at.actor.id);
      js.member("level", at.actor.level);
      js.member("parameters",
                {{"foothold_rate_per_s", figure_json(*a.catalog, at.actor.foothold_rate)},
                 {"dwell_s", figure_json(*a.catalog, at.actor.dwell)},
                 {"read_bandwidth_Bps", figure_json(*a.catalog, at.actor.read_bandwidth)},
                 {"egress_bandwidth_Bps", figure_json(*a.catalog, at.actor.egress_bandwidth)}});
      js.member("found", p.found);
      js.member("within_dwell", p.within_dwell);
      js.member("expected_s", p.expected_s);
      js.member("arrival_s", p.arrival_s);
      js.member("stage", p.stage);
      js.member("capability", p.capability);
      if (!p.key_step.empty()) {
        js.member("key_capability", p.key_capability);
        js.member("key_step", p.key_step);
      }
      js.member("summary", path_summary(*a.catalog, at.actor, p));
      js.member("steps", steps);
      // Readable routes only: a generated cluster has hundreds of thousands of the others.
      js.key("reach");
      js.begin_array();
      std::size_t unreadable = 0;
      for (const Reach& r : at.reach)
        if (!r.readable)
          ++unreadable;
        else {
          json rj = {{"stage", r.stage},
                     {"capability", r.capability},
                     {"readable", r.readable},
                     {"bytes_needed", r.bytes_needed},
                     {"open_s", r.open_s},
                     {"events_needed", r.events_needed},
                     {"events_in_dwell", r.events_in_dwell},
                     {"read_s", r.read_s},
                     {"egress_s", r.egress_s},
                     {"reason", reach_reason(r, at.actor)}};
          if (r.reduced)
            rj["reduced_by"] = {{"step", r.reduced->step}, {"ttc", r.reduced->ttc.text}};
          if (r.key_step)
            rj["key_route"] = {
                {"key_step", r.key_step->id},
                {"key_capability", r.key_capability},
                {"key_stage",
                 r.key_window < a.windows.size() ? a.windows[r.key_window].stage : std::string()},
                {"key_expected_s", r.key_s}};
          js.value(rj);
        }
      js.end();
      js.member("unreadable_routes", unreadable);
      js.end();
    }
    js.end();
    if (a.threat.defenses) {
      js.key("minimal_defense");
      js.begin_array();
      for (const ActorThreat& at : a.threat.actors) {
        const MinimalDefense& d = at.defense;
        json closes = json::array();
        for (const ControlClosure& cl : d.closes)
          closes.push_back({{"control", cl.control}, {"closes", route_phrases(cl.closes)}});
        js.value({{"actor", d.actor},
                  {"needed", d.needed},
                  {"cuttable", d.cuttable},
                  {"controls", d.controls},
                  {"cost", d.cost},
                  {"closes", std::move(closes)},
                  {"uncut", route_phrases(d.uncut)},
                  {"opens", route_phrases(d.opens)},
                  {"after_found", d.after.found},
                  {"after", path_summary(*a.catalog, at.actor, d.after)},
                  {"summary", defense_summary(at.actor, d)}});
      }
      js.end();
      js.key("control_deployment");
      js.begin_array();
      for (const Deployment& d : a.threat.deployments) {
        json places = json::array(), moot = json::array(), already = json::array(),
             not_here = json::array();
        for (std::size_t i : d.places) places.push_back(a.scenario.places[i].id);
        for (std::size_t i : d.moot) moot.push_back(a.scenario.places[i].id);
        for (std::size_t i : d.already) already.push_back(a.scenario.places[i].id);
        for (const Undeployable& u : d.undeployable)
          not_here.push_back(
              {{"place", a.scenario.places[u.place].id}, {"reason", undeployable_phrase(a, u)}});
        js.value({{"control", d.control},
                  {"deployable", d.deployable()},
                  {"places", std::move(places)},
                  {"moot", std::move(moot)},
                  {"already", std::move(already)},
                  {"undeployable", std::move(not_here)}});
      }
      js.end();
    }
    const ExposureCeiling& c = a.threat.ceiling;
    js.key("exposure_ceiling");
    js.begin_object();
    js.member("level", c.level);
    js.member("label", ceiling_label(c.level));
    js.member("breached_by", c.breached_by.empty() ? json() : json(c.breached_by));
    js.member("breached_level", c.breached_level);
    js.key("windows");
    js.begin_array();
    const ActorThreat* breach = actor_threat(a, c.breached_by);
    for (const CeilingWindow& cw : c.windows) {
      const Window& w = a.windows[cw.window];
      js.value({{"stage", cw.stage},
                {"replicas", w.replicas},
                {"name", w.name},
                {"capability", cw.capability},
                {"protection", protection_phrase(w)},
                {"protection_id", w.protection_id},
                {"readable", cw.readable},
                {"key_route", cw.key_route},
                {"reason", reach_reason(breach->reach[cw.reach], breach->actor)}});
    }
    js.end();
    json held = json::array();
    for (const HeldOff& h : c.held_off)
      held.push_back({{"actor", h.actor},
                      {"level", h.level},
                      {"expected_s", h.expected_s},
                      {"dwell_s", h.dwell_s}});
    js.member("held_off_by_dwell", held);
    js.member("rule",
              "an actor breaks the ceiling only with a path that completes within its dwell");
    js.member("summary", ceiling_summary(a));
    js.member("reading", "exposure-based reading of RAND SL1..SL5");
    js.end();
  }
  if (a.simulation) {
    const SimulationResult& r = *a.simulation;
    json pct = json::object();
    for (const auto& [q, s] : r.percentiles) pct[fmt::format("p{:g}", q * 100)] = s;
    json uses = json::array();
    for (const WindowUse& w : r.windows)
      uses.push_back({{"stage", w.stage}, {"capability", w.capability}, {"trials", w.trials}});
    json jitter = json::array();
    for (const SimulationRoute& rt : r.routes)
      if (rt.period_s > 0 && rt.jitter_s > 0)
        jitter.push_back({{"stage", rt.stage},
                          {"capability", rt.capability},
                          {"jitter_s", rt.jitter_s},
                          {"open_s", rt.open_s},
                          {"period_s", rt.period_s},
                          {"source", rt.jitter_source}});
    js.member("simulation", {{"actor", r.actor},
                             {"level", r.level},
                             {"trials", r.trials},
                             {"seed", r.seed},
                             {"horizon_s", r.horizon_s},
                             {"successes", r.successes},
                             {"probability", r.probability},
                             {"ci95", {r.ci_low, r.ci_high}},
                             {"time_to_copy_s", pct},
                             {"windows", std::move(uses)},
                             {"footholds", r.footholds},
                             {"window_trials", r.window_trials},
                             {"jitter", std::move(jitter)},
                             {"notes", simulation_notes(r)}});
  }
}

}  // namespace plainsight
