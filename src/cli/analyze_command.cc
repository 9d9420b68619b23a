// plainsight analyze SCENARIO: the plaintext-window table and exposure matrix.
#include <iostream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "analyze/analysis.h"
#include "analyze/measured_durations.h"
#include "cli/commands.h"
#include "cli/measurement_options.h"
#include "cli/output.h"
#include "cli/phase_timer.h"
#include "cli/threat_run.h"
#include "load/catalog_loader.h"
#include "load/measurement_file.h"
#include "load/scenario_loader.h"
#include "report/render.h"

namespace plainsight::cli {

void add_analyze_command(CLI::App& app, std::shared_ptr<Globals> globals) {
  struct Opts {
    std::string scenario;
    std::string format = "table";
    std::string output;
    std::vector<std::string> sets;
    std::string require_ceiling;  // --require-ceiling OCn
    bool no_threats = false;
    std::string sort = "pipeline";
    std::string docs_url;
    MeasurementOptions measurements;
  };
  auto o = std::make_shared<Opts>();
  CLI::App* cmd = app.add_subcommand("analyze", "Compute the plaintext-window table of a scenario");
  cmd->footer(
      "Examples:\n"
      "  plainsight analyze scenarios/aws-frontier.yaml\n"
      "  plainsight analyze scenarios/aws-frontier.yaml --set platform.confidential_mode=on "
      "--set platform.cpu_tee=sev_snp\n"
      "  plainsight analyze scenarios/aws-frontier.yaml --set stages.fabric.protection=derived\n"
      "  plainsight analyze scenarios/aws-frontier.yaml --sort exposure\n"
      "  plainsight analyze scenarios/silo-hopper.yaml --format json -o silo.json\n"
      "  plainsight analyze scenarios/silo-hopper.yaml --measurements "
      "model/measurements/host-vm-amd-epyc.json");
  cmd->add_option("scenario", o->scenario, "Scenario YAML file")->required();
  // The formats are report/render.cc's table: names for --format and its help, names and
  // extensions for --list-formats (tools/regen-reports reads it).
  std::vector<std::string> formats;
  for (const ReportFormat& f : report_formats()) formats.emplace_back(f.name);
  cmd->add_option("--format,-f", o->format,
                  fmt::format("Output format: {}", fmt::join(formats, ", ")))
      ->check(CLI::IsMember(formats));
  cmd->add_flag_callback(
         "--list-formats",
         [] {
           for (const ReportFormat& f : report_formats())
             std::cout << f.name << ' ' << f.extension << '\n';
           throw CLI::Success();
         },
         "Print each output format's name and file extension, one per line, and exit")
      ->trigger_on_parse();
  cmd->add_option("-o,--output", o->output, "Write to FILE (atomically) instead of stdout")
      ->check(non_empty());
  cmd->add_option("--set", o->sets,
                  "Override a scenario value, KEY=VALUE (e.g. platform.gpu=b200, "
                  "stages.ckpt.duration=2s); repeatable");
  cmd->add_option("--require-ceiling", o->require_ceiling,
                  "Exit 1 when the exposure ceiling is below this level (OC1..OC5): a CI gate")
      ->check(non_empty());
  cmd->add_option("--sort", o->sort,
                  "Row order of the tables: pipeline (the scenario's stage order, the default) or "
                  "exposure (most plaintext time first)")
      ->check(CLI::IsMember({"pipeline", "exposure"}));
  cmd->add_option("--docs-url", o->docs_url,
                  "Absolute URL of plainsight's docs/ folder, e.g. "
                  "https://github.com/ORG/REPO/blob/main/docs: SARIF rules link their help there")
      ->transform(CLI::Validator(
          [](std::string& url) -> std::string {
            const bool web = url.starts_with("https://") || url.starts_with("http://");
            if (!web || url.find_first_of(" \t\n\"<>") != std::string::npos)
              return "expected an absolute http(s) URL";
            while (url.ends_with("/")) url.pop_back();
            return "";
          },
          "URL"));
  cmd->add_flag("--no-threats", o->no_threats,
                "Windows only: skip attack paths, minimal defences and the exposure ceiling");
  o->measurements.add_to(*cmd, "the window durations (e.g. a CC-off and a CC-on GPU run)");
  cmd->callback([o, globals] {
    const int required =
        o->require_ceiling.empty() ? 0 : parse_oc_level("--require-ceiling", o->require_ceiling);
    PhaseTimer timer(globals->timings);
    Catalog catalog = load_catalog_for(*globals);
    timer.mark("load catalog");
    Scenario s = load_scenario(o->scenario, catalog, o->sets);
    timer.mark("load scenario");
    const std::optional<MeasuredDurations> measured = o->measurements.load(catalog);
    Analysis a = analyze(catalog, std::move(s), o->sets, measured ? &*measured : nullptr);
    MeasurementOptions::warn({&a});
    timer.mark("windows");
    if (o->sort == "exposure") a.row_order = exposure_order(a.windows);
    if (!o->no_threats || required > 0) {
      run_threats(a, measured ? &*measured : nullptr);
      timer.mark("threats");
    }
    const ReportFormat* f = find_format(o->format);  // checked by --format's IsMember
    ReportOptions ro;
    ro.docs_url = o->docs_url;
    write_output(o->output, [&](std::ostream& out) { f->render(out, a, ro); });
    timer.mark("report");
    if (required > 0) check_ceiling_gate(a, required);
  });
}

}  // namespace plainsight::cli
