// plainsight-probe: the probe command on its own, for GPU nodes without the analyzer.
#include <CLI/CLI.hpp>

#include "hwprobe/cli/probe_command.h"

int main(int argc, char** argv) {
  CLI::App app{"plainsight-probe"};
  hwprobe::configure_probe_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;  // every usage error is exit 2 (DESIGN.md, Conventions)
  }
  return 0;
}
