// plainsight diff A [B]: what changes between two scenarios, or one scenario and --set
// overlays: windows, reachability, the exposure ceiling, the compromise probability and the
// time cost.
#include <limits>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "analyze/measured_durations.h"
#include "analyze/scenario_diff.h"
#include "analyze/verdict.h"
#include "cli/commands.h"
#include "cli/measurement_options.h"
#include "cli/output.h"
#include "cli/threat_run.h"
#include "core/limits.h"
#include "load/measurement_file.h"
#include "load/scenario_loader.h"
#include "report/diff_report.h"

namespace plainsight::cli {

void add_diff_command(CLI::App& app, std::shared_ptr<Globals> globals) {
  struct Opts {
    std::string a, b;
    std::vector<std::string> sets;
    std::uint64_t trials = 2000;
    std::uint64_t seed = 1;
    unsigned threads = 0;
    std::string format = "table";
    std::string output;
    MeasurementOptions measurements;
  };
  auto o = std::make_shared<Opts>();
  CLI::App* cmd = app.add_subcommand(
      "diff", "What-if: compare two scenarios, or a scenario with --set overlays applied");
  cmd->footer(
      "B is A with the --set overlays when only A is given; with two scenarios the overlays\n"
      "apply to B. Each actor is simulated on both sides (--trials 0 skips it).\n"
      "Examples:\n"
      "  plainsight diff scenarios/silo-hopper.yaml scenarios/silo-blackwell.yaml\n"
      "  plainsight diff scenarios/aws-frontier.yaml --set platform.confidential_mode=on\n"
      "  plainsight diff scenarios/aws-frontier.yaml --set platform.confidential_mode=on -f md\n"
      "  plainsight diff scenarios/silo-hopper.yaml --set platform.confidential_mode=off \\\n"
      "      --measurements model/measurements/host-vm-amd-epyc.json");
  cmd->add_option("a", o->a, "Scenario A")->required();
  cmd->add_option("b", o->b, "Scenario B (default: A with --set applied)");
  cmd->add_option("--set", o->sets, "Override a value of B, KEY=VALUE; repeatable");
  // The same ranges as simulate; 0 trials skips the simulation.
  cmd->add_option("--trials", o->trials, "Simulation trials per actor and side (default 2000)")
      ->check(whole_number(0, kMaxTrials));
  cmd->add_option("--seed", o->seed, "Random seed (default 1)")
      ->check(whole_number(0, std::numeric_limits<std::uint64_t>::max()));
  cmd->add_option("--threads", o->threads, "Worker threads (default: all cores)")
      ->check(whole_number(0, kMaxThreads));
  cmd->add_option("--format,-f", o->format, "Output format: table, md, html, json")
      ->check(CLI::IsMember({"table", "md", "html", "json"}));
  cmd->add_option("-o,--output", o->output, "Write to FILE (atomically) instead of stdout")
      ->check(non_empty());
  o->measurements.add_to(*cmd, "the window durations and the time cost of both sides");
  cmd->callback([o, globals] {
    Catalog catalog = load_catalog_for(*globals);
    const std::string b_path = o->b.empty() ? o->a : o->b;
    if (o->b.empty() && o->sets.empty())
      throw InputError({"diff"}, "give a second scenario or at least one --set overlay");
    Scenario sa = load_scenario(o->a, catalog);
    Scenario sb = load_scenario(b_path, catalog, o->sets);
    // One source serves both sides, so they are priced with the same results.
    const std::optional<MeasuredDurations> measured = o->measurements.load(catalog);
    const MeasuredDurations* m = measured ? &*measured : nullptr;
    Analysis a = analyze(catalog, std::move(sa), {}, m);
    Analysis b = analyze(catalog, std::move(sb), o->sets, m);
    MeasurementOptions::warn({&a, &b});
    run_threats(a, m, false);
    run_threats(b, m, false);
    // Each side's verdict, the diff's first line (no fix: defences are not computed here).
    VerdictOptions vo;
    vo.simulate = false;
    a.verdict = make_verdict(a, vo);
    b.verdict = make_verdict(b, vo);
    ScenarioDiff d = diff_analyses(a, b);
    if (o->trials > 0) {
      SimulationOptions so;
      so.trials = o->trials;
      so.seed = o->seed;
      so.threads = o->threads ? o->threads : std::max(1u, std::thread::hardware_concurrency());
      for (std::size_t i = 0; i < d.actors.size(); ++i) {
        const ActorThreat& x = a.threat.actors[i];
        const ActorThreat& y = b.threat.actors[i];
        d.actors[i].sim_a =
            simulate(*a.catalog, x.actor, a.scenario.horizon_s,
                     simulation_routes(*a.catalog, x.reach, x.actor, &a.windows), so);
        d.actors[i].sim_b =
            simulate(*b.catalog, y.actor, b.scenario.horizon_s,
                     simulation_routes(*b.catalog, y.reach, y.actor, &b.windows), so);
      }
    }
    // The verdict's chance is the breaching actor's simulation, already run per actor.
    for (auto [x, side] : {std::pair{&a, 0}, std::pair{&b, 1}})
      for (const ActorDelta& ad : d.actors) {
        const auto& sim = side == 0 ? ad.sim_a : ad.sim_b;
        if (!sim || ad.actor != x->verdict->breached_by) continue;
        x->verdict->chance =
            VerdictChance{sim->actor,     sim->level,       sim->trials, sim->seed,
                          sim->horizon_s, sim->probability, sim->ci_low, sim->ci_high};
      }
    write_output(o->output, [&](std::ostream& out) {
      if (o->format == "json")
        render_diff_json(out, d);
      else if (o->format == "md")
        render_diff_markdown(out, d);
      else if (o->format == "html")
        render_diff_html(out, d);
      else
        render_diff_plain(out, d);
    });
  });
}

}  // namespace plainsight::cli
