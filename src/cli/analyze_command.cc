// plainsight analyze SCENARIO: the plaintext-window table and exposure matrix.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "analyze/analysis.h"
#include "analyze/measured_durations.h"
#include "cli/as_of_date.h"
#include "cli/commands.h"
#include "cli/file_digest.h"
#include "cli/measurement_options.h"
#include "cli/output.h"
#include "cli/phase_timer.h"
#include "cli/simulation_options.h"
#include "cli/threat_run.h"
#include "load/catalog_loader.h"
#include "load/measurement_file.h"
#include "load/scenario_loader.h"
#include "report/render.h"

namespace plainsight::cli {
namespace {

// The width the table fits: COLUMNS where it holds a plausible width (the shell sets it for
// a terminal), else 120.
std::size_t terminal_width() {
  const char* env = std::getenv("COLUMNS");
  if (!env || !*env) return 120;
  char* end = nullptr;
  const long n = std::strtol(env, &end, 10);
  return *end == '\0' && n >= 40 && n <= 1000 ? static_cast<std::size_t>(n) : 120;
}

// The root of the git checkout holding the scenario (a folder with .git, a directory or a
// worktree's file), else the scenario's own folder.
std::string default_srcroot(const std::string& scenario) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path folder = fs::absolute(scenario, ec).parent_path();
  if (ec) return "";
  for (fs::path p = folder; !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / ".git", ec)) return p.string();
    if (p == p.parent_path()) break;
  }
  return folder.string();
}

}  // namespace

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
    bool detail = false;           // table: every section, fitted to the width
    bool wide = false;             // table: every section, unwrapped
    std::string as_of;             // --as-of: risk_tracking expiries
    std::string srcroot;           // --srcroot: SARIF URIs relative to it
    std::uint64_t trials = 10000;  // the verdict's simulation
    std::uint64_t seed = 1;
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
      "  plainsight analyze scenarios/aws-frontier.yaml --detail\n"
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
  auto* detail = cmd->add_flag(
      "--detail", o->detail,
      "Table: every section (notes, places, the exposure matrix, costs, each path's steps), "
      "fitted to the terminal's width like the default");
  cmd->add_flag("--wide", o->wide,
                "Table: every section with unwrapped tables, lines as long as their cells")
      ->excludes(detail);
  add_as_of(*cmd, o->as_of);
  cmd->add_option("--srcroot", o->srcroot,
                  "SARIF: the directory the scenario's URI is relative to (%SRCROOT%); default: "
                  "the root of the git checkout holding the scenario, else the scenario's folder")
      ->check(CLI::ExistingDirectory);
  add_trials_and_seed(*cmd, o->trials, o->seed,
                      "Trials of the verdict's simulation of the actor that breaks the ceiling "
                      "(default 10000)");
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
    a.as_of = as_of_date(o->as_of);
    a.scenario_sha256 = file_sha256(o->scenario);
    timer.mark("windows");
    if (o->sort == "exposure") a.row_order = exposure_order(a.windows);
    if (!o->no_threats || required > 0) {
      run_threats(a, measured ? &*measured : nullptr);
      timer.mark("threats");
      VerdictOptions vo;
      vo.required = required;
      vo.trials = o->trials;
      vo.seed = o->seed;
      vo.threads = std::max(1u, std::thread::hardware_concurrency());
      a.verdict = make_verdict(a, vo);
      timer.mark("verdict");
    }
    const ReportFormat* f = find_format(o->format);  // checked by --format's IsMember
    ReportOptions ro;
    ro.docs_url = o->docs_url;
    ro.table = o->wide ? TableLayout::wide : o->detail ? TableLayout::detail : TableLayout::compact;
    ro.width = terminal_width();
    ro.srcroot = o->srcroot.empty() ? default_srcroot(o->scenario) : o->srcroot;
    ro.arguments = globals->arguments;
    write_output(o->output, [&](std::ostream& out) { f->render(out, a, ro); });
    timer.mark("report");
    if (required > 0) check_ceiling_gate(a, required);
  });
}

}  // namespace plainsight::cli
