// plainsight simulate SCENARIO: seeded Monte Carlo of one actor against the window schedule.
#include <limits>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "analyze/analysis.h"
#include "analyze/measured_durations.h"
#include "cli/commands.h"
#include "cli/measurement_options.h"
#include "cli/output.h"
#include "cli/simulation_options.h"
#include "cli/threat_run.h"
#include "core/limits.h"
#include "core/quantity.h"
#include "load/measurement_file.h"
#include "load/scenario_loader.h"
#include "report/render.h"
#include "report/simulation_report.h"

namespace plainsight::cli {

void add_simulate_command(CLI::App& app, std::shared_ptr<Globals> globals) {
  struct Opts {
    std::string scenario;
    std::string actor;
    std::uint64_t trials = 10000;
    std::uint64_t seed = 1;
    unsigned threads = 0;
    std::string format = "table";
    std::string output;
    std::vector<std::string> sets;
    MeasurementOptions measurements;
    bool draw = false;
  };
  auto o = std::make_shared<Opts>();
  CLI::App* cmd = app.add_subcommand(
      "simulate", "Monte Carlo: probability that an actor gets a full copy within the horizon");
  cmd->footer(
      "The actor defaults to the first level that breaches the exposure ceiling. The same\n"
      "--seed gives the same output whatever --threads. With --measurements, periodic windows'\n"
      "events start with the jitter measured for their durations (the spread on the probe's\n"
      "machine).\n"
      "Examples:\n"
      "  plainsight simulate scenarios/aws-frontier.yaml --actor OC3 --trials 100000\n"
      "  plainsight simulate scenarios/silo-hopper.yaml --actor OC4 --seed 7 --format json\n"
      "  plainsight simulate scenarios/aws-frontier.yaml --actor OC4 \\\n"
      "      --measurements model/measurements/host-vm-amd-epyc.json");
  cmd->add_option("scenario", o->scenario, "Scenario YAML file")->required();
  cmd->add_option("--actor", o->actor, "Actor: OC1..OC5 (or its catalog id)")->check(non_empty());
  add_trials_and_seed(*cmd, o->trials, o->seed, "Number of trials (default 10000)");
  cmd->add_option("--threads", o->threads, "Worker threads (default: all cores)")
      ->check(whole_number(0, kMaxThreads));
  cmd->add_option("--format,-f", o->format, "Output format: table, md, json")
      ->check(CLI::IsMember({"table", "md", "json"}));
  cmd->add_option("-o,--output", o->output, "Write to FILE (atomically) instead of stdout")
      ->check(non_empty());
  cmd->add_option("--set", o->sets, "Override a scenario value, KEY=VALUE; repeatable");
  cmd->add_flag("--draw-parameters", o->draw,
                "Each trial draws the actor's parameters from their stated 90% ranges "
                "(`catalog actors --detail`) instead of using the point values");
  o->measurements.add_to(*cmd, "the window durations and their jitter (the measured spread)");
  cmd->callback([o, globals] {
    Catalog catalog = load_catalog_for(*globals);
    Scenario s = load_scenario(o->scenario, catalog, o->sets);
    const std::optional<MeasuredDurations> measured = o->measurements.load(catalog);
    Analysis a = analyze(catalog, std::move(s), o->sets, measured ? &*measured : nullptr);
    MeasurementOptions::warn({&a});
    run_threats(a, measured ? &*measured : nullptr, /*defenses=*/false);
    const ActorThreat* chosen = nullptr;
    if (!o->actor.empty()) {
      std::vector<ActorProfile> profiles;
      for (const ActorThreat& at : a.threat.actors) profiles.push_back(at.actor);
      const ActorProfile* p = find_actor(profiles, o->actor);
      if (!p)
        throw InputError({"--actor"},
                         fmt::format("unknown actor '{}': expected OC1..OC{}", o->actor,
                                     profiles.empty() ? 0 : profiles.back().level));
      for (const ActorThreat& at : a.threat.actors)
        if (at.actor.id == p->id) chosen = &at;
    } else {
      for (const ActorThreat& at : a.threat.actors)
        if (at.actor.id == a.threat.ceiling.breached_by) chosen = &at;
      if (!chosen && !a.threat.actors.empty()) chosen = &a.threat.actors.back();
    }
    if (!chosen) throw InputError({"--actor"}, "the catalog has no actors");
    SimulationOptions so;
    so.trials = o->trials;
    so.seed = o->seed;
    so.draw_parameters = o->draw;
    so.threads = o->threads ? o->threads : std::max(1u, std::thread::hardware_concurrency());
    a.simulation =
        simulate(*a.catalog, chosen->actor, a.scenario.horizon_s,
                 simulation_routes(*a.catalog, chosen->reach, chosen->actor, &a.windows), so);
    if (o->format == "json") {
      // Streamed: the report carries every window and readable route of the scenario.
      write_output(o->output, [&a](std::ostream& out) { render_json(out, a); });
      return;
    }
    write_output(o->output, [&](std::ostream& out) {
      render_simulation(out, a, chosen->actor, o->format == "md");
    });
  });
}

}  // namespace plainsight::cli
