// plainsight sweep SCENARIO --vary KEY=VALUES...: the analysis and simulation over a grid.

#include <fmt/format.h>

#include "analyze/sweep.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/plot_output.h"
#include "cli/simulation_options.h"
#include "core/limits.h"
#include "report/sweep_plot.h"
#include "report/sweep_report.h"

namespace plainsight::cli {

void add_sweep_command(CLI::App& app, std::shared_ptr<Globals> globals) {
  struct Opts {
    std::string scenario;
    std::vector<std::string> vary;
    std::string actor;
    std::uint64_t trials = 10000;
    std::uint64_t seed = 1;
    unsigned threads = 0;
    std::string format = "table";
    std::string output;
    std::string plot;
    std::vector<std::string> sets;
    bool draw = false;
  };
  auto o = std::make_shared<Opts>();
  CLI::App* cmd = app.add_subcommand(
      "sweep",
      "The ceiling, plaintext total, CC cost and P(full copy) over a grid of --set values");
  cmd->footer(
      "VALUES is a list (h100,b200) or, for numbers, sizes, durations, bandwidths and rates, a\n"
      "range LO..HI:STEPS (evenly spaced, both ends included) or LO..HI:STEPS:log (a geometric\n"
      "series); generated values keep LO's unit. Two --vary make a grid, the first varying\n"
      "slowest. Each point is the scenario with --set and then the point's values, and agrees\n"
      "with `simulate` on the same --set, --seed and --trials. A point whose platform the vendor\n"
      "refuses is a row that says why. --plot draws one key as a line chart, two as a heat map\n"
      "(.svg, .html, or .png through rsvg-convert). docs/research.md has the details.\n"
      "Examples:\n"
      "  plainsight sweep scenarios/aws-frontier.yaml --vary actors.oc3.dwell=1d..90d:10 --actor "
      "OC3\n"
      "  plainsight sweep scenarios/silo-hopper.yaml --vary platform.gpu=h100,b200 \\\n"
      "      --vary platform.confidential_mode=off,on --format csv -o grid.csv --plot grid.svg");
  cmd->add_option("scenario", o->scenario, "Scenario YAML file")->required();
  cmd->add_option("--vary", o->vary, "KEY=V1,V2,... or KEY=LO..HI:STEPS[:log]; repeatable")
      ->required();
  cmd->add_option("--actor", o->actor, "Simulate this actor only (OC1..OC5); default: every one")
      ->check(non_empty());
  add_trials_and_seed(*cmd, o->trials, o->seed, "Trials per actor and point (default 10000)");
  cmd->add_option("--threads", o->threads, "Points analysed side by side (default: all cores)")
      ->check(whole_number(0, kMaxThreads));
  cmd->add_option("--format,-f", o->format, "Output format: table, csv, json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  cmd->add_option("-o,--output", o->output, "Write to FILE (atomically) instead of stdout")
      ->check(non_empty());
  cmd->add_option("--plot", o->plot, "Draw the sweep into FILE.svg, FILE.html or FILE.png")
      ->check(non_empty());
  cmd->add_option("--set", o->sets, "Override a scenario value at every point; repeatable");
  cmd->add_flag("--draw-parameters", o->draw,
                "Each trial draws the actors' parameters from their stated ranges");
  cmd->callback([o, globals] {
    // Both targets first: a run that cannot be written is refused before it starts.
    check_output_target(o->output);
    if (!o->plot.empty()) check_plot_target(o->plot, o->output);
    std::vector<SweepAxis> axes;
    for (const std::string& v : o->vary) axes.push_back(parse_sweep_axis(v));
    for (std::size_t i = 0; i < axes.size(); ++i)
      for (std::size_t j = 0; j < i; ++j)
        if (axes[i].key == axes[j].key)
          throw InputError({"--vary " + axes[i].key}, "this key is varied twice");
    if (!o->plot.empty() && axes.size() > 2)
      throw InputError({"--plot"}, fmt::format("a plot shows one key (a line chart) or two (a "
                                               "heat map); this sweep varies {}",
                                               axes.size()));
    sweep_size(axes);  // refuse too large a grid before loading anything
    const Catalog catalog = load_catalog_for(*globals);
    SweepOptions so;
    so.sets = o->sets;
    so.actor = o->actor;
    so.simulation.trials = o->trials;
    so.simulation.seed = o->seed;
    so.simulation.draw_parameters = o->draw;
    so.threads = o->threads;
    const SweepResult r = run_sweep(catalog, o->scenario, std::move(axes), so);
    // The plot is drawn (and rasterised) before anything is written.
    const std::string plot =
        o->plot.empty() ? "" : plot_bytes(o->plot, sweep_svg(r), [&] { return sweep_html(r); });
    write_output(o->output, [&](std::ostream& out) {
      if (o->format == "csv")
        sweep_csv(out, r);
      else if (o->format == "json")
        sweep_json(out, r);
      else
        sweep_table(out, r);
    });
    if (!o->plot.empty()) write_output(o->plot, plot);
  });
}

}  // namespace plainsight::cli
