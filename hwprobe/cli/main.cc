// plainsight-probe: the probe command on its own, for GPU nodes without the analyzer.
#include <iostream>

#include <CLI/CLI.hpp>

#include "hwprobe/cli/probe_command.h"
#include "output/failure_message.h"
#include "output/output_file.h"

int main(int argc, char** argv) {
  CLI::App app{"plainsight-probe"};
  hwprobe::configure_probe_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {
    const int flushed = plainsight::output::flush_stdout("plainsight-probe");
    return e.get_exit_code() != 0 ? e.get_exit_code() : flushed;
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    // Every usage error is exit 2 (DESIGN.md, Conventions).
    return code == 0 ? plainsight::output::flush_stdout("plainsight-probe") : 2;
  } catch (const std::exception& e) {
    // Outside any probe (a probe's own failure is recorded and the run goes on).
    std::cerr << "plainsight-probe: error: " << plainsight::output::failure_message(e) << "\n";
    return 3;
  }
  return plainsight::output::flush_stdout("plainsight-probe");
}
