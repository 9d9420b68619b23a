// `plainsight probe` and the standalone `plainsight-probe`: one command, two front doors.
//
// Exit codes (DESIGN.md, Conventions): 0 done; 2 bad usage or input (bad --sizes, unknown
// probe, unwritable -o directory, missing --dir); 3 a probe failed (the others still ran
// and the file is still written, with "failed" entries). A SIGINT/SIGTERM stops the run,
// removes the probes' files, writes no output and re-raises the signal.
//
// How the exit code reaches the caller: when the command ends with a non-zero code its
// callback throws CLI::RuntimeError(code). CLI11 lets that escape App::parse(); the usual
//   try { app.parse(argc, argv); } catch (const CLI::ParseError& e) { return app.exit(e); }
// returns it, as App::exit() prints nothing for a RuntimeError and returns its code.
// CLI11's own parse errors (a non-numeric --trials, an unknown flag) keep CLI11's codes;
// map them to 2 (plainsight-probe does).
#pragma once

#include <CLI/CLI.hpp>

namespace hwprobe {

// Adds the "probe" subcommand to `app`.
void add_probe_command(CLI::App& app);

// Puts the probe options and callback on `cmd` itself (plainsight-probe's top level).
void configure_probe_command(CLI::App& cmd);

}  // namespace hwprobe
