// The plainsight command line: wires the subcommands and maps failures to exit codes
// (0 done, 1 a policy gate failed, 2 bad usage or input, 3 a probe or runtime failure).
#include <iostream>

#include "build_info.h"
#include "cli/commands.h"
#include "core/input_error.h"
#if __has_include("hwprobe/cli/probe_command.h")
#include "hwprobe/cli/probe_command.h"
#define PLAINSIGHT_HAVE_PROBE_COMMAND 1
#endif

int main(int argc, char** argv) {
  using namespace plainsight;
  CLI::App app{
      "plainsight: where the bytes of model weights sit in plaintext, for how long, and who "
      "could reach them there."};
  app.set_version_flag("--version", std::string("plainsight ") + PLAINSIGHT_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Run 'plainsight COMMAND --help' for a command's options and examples.\n"
      "Exit codes: 0 done, 1 policy gate failed, 2 bad usage or input, 3 probe or runtime "
      "failure.");
  auto globals = std::make_shared<cli::Globals>();
  app.add_option("--model", globals->model_dir, "Catalog directory (default: the bundled model/)");
  app.add_flag("--timings", globals->timings,
               "Print each phase's time and the peak resident memory on stderr");
  cli::add_analyze_command(app, globals);
  cli::add_validate_command(app, globals);
  cli::add_catalog_command(app, globals);
  cli::add_measurements_command(app, globals);
  cli::add_simulate_command(app, globals);
  cli::add_diff_command(app, globals);
  cli::add_generate_command(app, globals);
#ifdef PLAINSIGHT_HAVE_PROBE_COMMAND
  hwprobe::add_probe_command(app);
#endif
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  } catch (const cli::ExitCode& e) {
    return e.code();
  } catch (const InputError& e) {
    std::cerr << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "plainsight: error: " << e.what() << "\n";
    return 3;
  }
  return 0;
}
