#include "report/diff_report.h"

#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "build_info.h"
#include "core/quantity.h"
#include "report/json_stream.h"
#include "report/text_table.h"

namespace plainsight {
namespace {

using json = nlohmann::ordered_json;

std::string prob(const std::optional<SimulationResult>& s) {
  if (!s) return "-";
  return fmt::format("{:.4f} [{:.4f}, {:.4f}]", s->probability, s->ci_low, s->ci_high);
}

json sim_json(const std::optional<SimulationResult>& s) {
  if (!s) return nullptr;
  return {{"trials", s->trials},
          {"seed", s->seed},
          {"probability", s->probability},
          {"ci95", {s->ci_low, s->ci_high}}};
}

}  // namespace

void render_diff_plain(std::ostream& out, const ScenarioDiff& d) {
  out << fmt::format("A: {}\nB: {}\n", d.name_a, d.name_b);
  for (const std::string& m : d.measurements) out << fmt::format("measurements: {}\n", m);
  for (const std::string& w : d.warnings) out << fmt::format("warning: {}\n", w);
  out << fmt::format("\nExposure ceiling: OC{} -> OC{}{}\n  A: {}\n  B: {}\n", d.ceiling_a,
                     d.ceiling_b,
                     d.ceiling_b > d.ceiling_a   ? " (raised)"
                     : d.ceiling_b < d.ceiling_a ? " (lowered)"
                                                 : " (unchanged)",
                     d.ceiling_summary_a, d.ceiling_summary_b);
  out << fmt::format("Plaintext time summed over windows: {} -> {}\n",
                     format_duration(d.plaintext_total_a), format_duration(d.plaintext_total_b));
  out << "\nWindows\n";
  if (d.windows.empty()) out << "  no window changed\n";
  for (const WindowDelta& w : d.windows) {
    out << fmt::format("  {} {} ({})\n", w.change, w.stage, w.name);
    for (const std::string& s : w.what) out << fmt::format("    {}\n", s);
  }
  TextTable t;
  t.header = {"Actor", "Path A", "Path B", "Opened in B", "Closed in B", "P(copy) A", "P(copy) B"};
  for (const ActorDelta& a : d.actors)
    t.rows.push_back({fmt::format("OC{}", a.level),
                      a.path_a ? format_duration(a.expected_a) : "none",
                      a.path_b ? format_duration(a.expected_b) : "none",
                      a.opened.empty() ? "-" : fmt::format("{}", fmt::join(a.opened, ", ")),
                      a.closed.empty() ? "-" : fmt::format("{}", fmt::join(a.closed, ", ")),
                      prob(a.sim_a), prob(a.sim_b)});
  out << "\nReachability (readable plaintext routes; expected time of the cheapest path)\n\n";
  t.write_plain(out);
  out << "\nTime cost\n";
  for (const std::string& s : d.time_cost) out << fmt::format("  {}\n", s);
}

void render_diff_json(std::ostream& out, const ScenarioDiff& d) {
  JsonStream js(out);
  js.begin_object();
  js.member("format", "plainsight-diff/1");
  js.member("tool", {{"name", "plainsight"}, {"version", PLAINSIGHT_VERSION}});
  js.member("a", d.name_a);
  js.member("b", d.name_b);
  js.key("windows");
  js.begin_array();
  for (const WindowDelta& w : d.windows)
    js.value({{"stage", w.stage}, {"name", w.name}, {"change", w.change}, {"what", w.what}});
  js.end();
  js.member("exposure_ceiling", {{"a", d.ceiling_a},
                                 {"b", d.ceiling_b},
                                 {"a_summary", d.ceiling_summary_a},
                                 {"b_summary", d.ceiling_summary_b}});
  js.key("reachability");
  js.begin_array();
  for (const ActorDelta& a : d.actors)
    js.value({{"actor", a.actor},
              {"level", a.level},
              {"path_a", a.path_a},
              {"path_b", a.path_b},
              {"expected_a_s", a.path_a ? json(a.expected_a) : json()},
              {"expected_b_s", a.path_b ? json(a.expected_b) : json()},
              {"opened", a.opened},
              {"closed", a.closed},
              {"simulation_a", sim_json(a.sim_a)},
              {"simulation_b", sim_json(a.sim_b)},
              {"probability_change",
               a.sim_a && a.sim_b ? json(a.sim_b->probability - a.sim_a->probability) : json()}});
  js.end();
  js.member("plaintext_total_s", {{"a", d.plaintext_total_a}, {"b", d.plaintext_total_b}});
  js.member("time_cost", d.time_cost);
  js.member("measurements", d.measurements);
  js.member("warnings", d.warnings);
  js.end();
  out.put('\n');
}

std::string render_diff_plain(const ScenarioDiff& d) {
  std::ostringstream out;
  render_diff_plain(out, d);
  return std::move(out).str();
}

std::string render_diff_json(const ScenarioDiff& d) {
  std::ostringstream out;
  render_diff_json(out, d);
  return std::move(out).str();
}

}  // namespace plainsight
