// plainsight measurements show FILE | compare A B: probe result files as tables, and two
// side by side (for example a GPU node with confidential mode off and on).
#include "cli/commands.h"
#include "cli/output.h"
#include "load/measurement_file.h"
#include "report/measurement_file_report.h"

namespace plainsight::cli {

void add_measurements_command(CLI::App& app, std::shared_ptr<Globals>) {
  CLI::App* cmd =
      app.add_subcommand("measurements", "Show probe result files (plainsight-probe/1)");
  cmd->require_subcommand(1);
  cmd->footer(
      "Examples:\n"
      "  plainsight measurements show model/measurements/host-vm-amd-epyc.json\n"
      "  plainsight measurements compare gpu-cc-off.json gpu-cc-on.json");
  auto file = std::make_shared<std::string>();
  auto output = std::make_shared<std::string>();
  CLI::App* sh = cmd->add_subcommand("show", "A probe file as a table, with a fit per sweep");
  sh->add_option("file", *file, "Probe result JSON")->required();
  sh->add_option("-o,--output", *output, "Write to FILE (atomically) instead of stdout")
      ->check(non_empty());
  sh->callback([file, output] {
    write_output(*output, measurement_file_report(load_measurement_file(*file)));
  });

  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* cmp = cmd->add_subcommand("compare", "Two probe files side by side (A, then B)");
  cmp->add_option("files", *files, "A.json B.json")->required()->expected(2);
  cmp->add_option("-o,--output", *output, "Write to FILE (atomically) instead of stdout")
      ->check(non_empty());
  cmp->callback([files, output] {
    const MeasurementFile a = load_measurement_file((*files)[0]);
    const MeasurementFile b = load_measurement_file((*files)[1]);
    write_output(*output, measurement_comparison(a, b));
  });
}

}  // namespace plainsight::cli
