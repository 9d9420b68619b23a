// The plainsight command line: wires the subcommands and maps failures to exit codes
// (0 done, 1 a policy gate failed, 2 bad usage or input, 3 a probe or runtime failure).
#include <iostream>
#include <string_view>

#include "analyze/parallel.h"
#include "build_info.h"
#include "cli/commands.h"
#include "core/input_error.h"
#include "core/printable.h"
#include "load/did_you_mean.h"
#include "output/failure_message.h"
#include "output/output_file.h"
#include "output/signal_guard.h"
#include "report/phrases.h"
#if __has_include("hwprobe/cli/probe_command.h")
#include "hwprobe/cli/probe_command.h"
#define PLAINSIGHT_HAVE_PROBE_COMMAND 1
#endif

namespace {

// Threads the system refused (a memory limit under --threads 1024): the work ran on fewer.
void note_thread_shortfall() {
  const std::string note = plainsight::thread_shortfall_note(plainsight::thread_shortfall());
  if (!note.empty()) std::cerr << "plainsight: note: " << note << "\n";
}

// The first word of the command line that is not an option, when it names no command:
// CLI11 says only "A subcommand is required" for `plainsight nope`.
std::string unknown_command(const CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--model") {
      ++i;  // its value
      continue;
    }
    if (a.starts_with("-")) continue;
    for (const CLI::App* sub : app.get_subcommands({}))
      if (sub->check_name(std::string(a))) return "";
    return std::string(a);
  }
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  // Before any command opens its -o file: a signal then removes the temporary (`probe`
  // switches to its own mode when it runs).
  plainsight::output::install_signal_handlers(plainsight::output::SignalMode::clean_up_and_exit);
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
  for (int i = 1; i < argc; ++i) globals->arguments.emplace_back(argv[i]);  // SARIF invocations
  app.add_option("--model", globals->model_dir, "Catalog directory (default: the bundled model/)")
      ->check(cli::non_empty());
  app.add_flag("--timings", globals->timings,
               "Print each phase's time and the peak resident memory on stderr");
  cli::add_analyze_command(app, globals);
  cli::add_validate_command(app, globals);
  cli::add_catalog_command(app, globals);
  cli::add_measurements_command(app, globals);
  cli::add_simulate_command(app, globals);
  cli::add_diff_command(app, globals);
  cli::add_generate_command(app, globals);
  cli::add_sweep_command(app, globals);
  cli::add_sensitivity_command(app, globals);
#ifdef PLAINSIGHT_HAVE_PROBE_COMMAND
  hwprobe::add_probe_command(app);
#endif
  try {
    app.parse(argc, argv);
    note_thread_shortfall();
  } catch (const CLI::Success& e) {
    const int code = app.exit(e);  // --help, --version, analyze --list-formats
    return code != 0 ? code : output::flush_stdout("plainsight");
  } catch (const CLI::RuntimeError& e) {
    const int flushed = output::flush_stdout("plainsight");
    return e.get_exit_code() != 0 ? e.get_exit_code() : flushed;
  } catch (const CLI::ParseError& e) {
    if (const std::string word = unknown_command(app, argc, argv); !word.empty()) {
      std::vector<std::string> names;
      for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
      std::cerr << "plainsight: unknown command '" << echo(word) << "'" << did_you_mean(word, names)
                << "; commands: " << listed(names)
                << "\nRun 'plainsight --help' for more information.\n";
      return 2;
    }
    app.exit(e);
    return 2;
  } catch (const cli::ExitCode& e) {
    note_thread_shortfall();
    const int flushed = output::flush_stdout("plainsight");
    return e.code() != 0 ? e.code() : flushed;
  } catch (const InputError& e) {
    std::cerr << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "plainsight: error: " << output::failure_message(e) << "\n";
    return 3;
  }
  return output::flush_stdout("plainsight");
}
