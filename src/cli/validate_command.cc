// plainsight validate SCENARIO...: load and check, print "ok" or the first error per file.
#include <iostream>

#include <fmt/format.h>

#include "analyze/analysis.h"
#include "analyze/windows.h"
#include "cli/commands.h"
#include "cli/threat_run.h"
#include "load/catalog_loader.h"
#include "load/scenario_loader.h"
#include "report/findings_section.h"

namespace plainsight::cli {

void add_validate_command(CLI::App& app, std::shared_ptr<Globals> globals) {
  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd =
      app.add_subcommand("validate", "Check scenarios against the catalog without reporting");
  cmd->footer("Example:\n  plainsight validate scenarios/*.yaml");
  cmd->add_option("scenarios", *files, "Scenario YAML files")->required();
  cmd->callback([files, globals] {
    Catalog catalog = load_catalog_for(*globals);
    int bad = 0;
    for (const std::string& f : *files) {
      try {
        Scenario s = load_scenario(f, catalog);
        if (s.risk_tracking.empty()) {
          compute_windows(catalog, s);  // rule ambiguities surface only here
        } else {
          // Which findings there are takes the threat analysis (a released key is one).
          Analysis a = analyze(catalog, std::move(s));
          run_threats(a, nullptr, /*defenses=*/false);
          for (const std::string& id : untracked_ids(a))
            std::cerr << fmt::format("{}: warning: risk_tracking {} matches no finding\n", f, id);
        }
        std::cout << f << ": ok\n";
      } catch (const InputError& e) {
        std::cerr << e.what() << "\n";
        ++bad;
      }
    }
    if (bad) throw ExitCode(2);
  });
}

}  // namespace plainsight::cli
