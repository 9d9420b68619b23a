// plainsight sensitivity SCENARIO: which assumption decides the answer.

#include "analyze/sensitivity.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/plot_output.h"
#include "cli/simulation_options.h"
#include "core/limits.h"
#include "report/sensitivity_report.h"
#include "report/tornado_plot.h"

namespace plainsight::cli {

void add_sensitivity_command(CLI::App& app, std::shared_ptr<Globals> globals) {
  struct Opts {
    std::string scenario;
    std::string actor;
    std::uint64_t trials = 10000;
    std::uint64_t seed = 1;
    unsigned threads = 0;
    double factor = 2;
    double threshold = 0.5;
    std::string format = "table";
    std::string output;
    std::string plot;
    std::vector<std::string> sets;
  };
  auto o = std::make_shared<Opts>();
  CLI::App* cmd = app.add_subcommand(
      "sensitivity", "Which assumption decides the ceiling and P(full copy), and where it flips");
  cmd->footer(
      "Each assumption the result rests on (the actors' foothold rate, dwell, read and egress\n"
      "bandwidth; the steps' times to compromise; the scenario's own durations and bandwidths)\n"
      "is varied over its range, the others at their points: a parameter's stated 90% range\n"
      "where the catalog or scenario gives one (`catalog actors --detail`), else x1/F .. xF\n"
      "(--factor, default 2). Ranked by the swing in P; where an end flips a verdict (the\n"
      "ceiling, or P against --threshold) the value at which it flips is found by bisection.\n"
      "The actor defaults to the first level that breaches the ceiling. docs/research.md.\n"
      "Examples:\n"
      "  plainsight sensitivity scenarios/aws-frontier.yaml --actor OC3 --trials 100000\n"
      "  plainsight sensitivity scenarios/silo-hopper.yaml --format json --plot tornado.svg");
  cmd->add_option("scenario", o->scenario, "Scenario YAML file")->required();
  cmd->add_option("--actor", o->actor, "Actor: OC1..OC5 (or its catalog id)")->check(non_empty());
  add_trials_and_seed(*cmd, o->trials, o->seed, "Trials per simulation (default 10000)");
  cmd->add_option("--threads", o->threads,
                  "Assumptions evaluated side by side (default: all cores)")
      ->check(whole_number(0, kMaxThreads));
  cmd->add_option("--factor", o->factor,
                  "Range of an assumption without its own: x1/F .. xF (default 2)");
  cmd->add_option("--threshold", o->threshold,
                  "The P(full copy) verdict: at or above it, or below (default 0.5)");
  cmd->add_option("--format,-f", o->format, "Output format: table, csv, json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  cmd->add_option("-o,--output", o->output, "Write to FILE (atomically) instead of stdout")
      ->check(non_empty());
  cmd->add_option("--plot", o->plot, "Draw the tornado chart into FILE.svg, FILE.html or FILE.png")
      ->check(non_empty());
  cmd->add_option("--set", o->sets, "Override a scenario value, KEY=VALUE; repeatable");
  cmd->callback([o, globals] {
    // Both targets first: a run that cannot be written is refused before it starts.
    check_output_target(o->output);
    if (!o->plot.empty()) check_plot_target(o->plot, o->output);
    const Catalog catalog = load_catalog_for(*globals);
    SensitivityOptions so;
    so.sets = o->sets;
    so.actor = o->actor;
    so.simulation.trials = o->trials;
    so.simulation.seed = o->seed;
    so.factor = o->factor;
    so.threshold = o->threshold;
    so.threads = o->threads;
    const SensitivityResult r = run_sensitivity(catalog, o->scenario, so);
    // The plot is drawn (and rasterised) before anything is written.
    const std::string plot =
        o->plot.empty() ? "" : plot_bytes(o->plot, tornado_svg(r), [&] { return tornado_html(r); });
    write_output(o->output, [&](std::ostream& out) {
      if (o->format == "csv")
        sensitivity_csv(out, r);
      else if (o->format == "json")
        sensitivity_json(out, r);
      else
        sensitivity_table(out, r);
    });
    if (!o->plot.empty()) write_output(o->plot, plot);
  });
}

}  // namespace plainsight::cli
