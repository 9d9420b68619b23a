// Each subcommand registers itself on the app; main() wires them and maps errors to exit
// codes: 0 done, 1 a policy gate failed, 2 bad usage or input, 3 a probe or runtime failure.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/catalog.h"

namespace plainsight::cli {

// Options shared by every command.
struct Globals {
  std::string model_dir;               // --model: the catalog directory
  bool timings = false;                // --timings: phase times and peak memory on stderr
  std::vector<std::string> arguments;  // the command line after the program's name
};

// A subcommand's callback sets this when it wants an exit code other than 0.
class ExitCode : public std::exception {
 public:
  explicit ExitCode(int code) : code_(code) {}
  int code() const { return code_; }
  const char* what() const noexcept override { return "exit"; }

 private:
  int code_;
};

// Option checks shared by the commands. non_empty refuses '' (--actor '', -o ''), which
// would otherwise mean "the default" silently; whole_number refuses "-1", which CLI11 reads
// into an unsigned option as 2^64 - 1, and anything outside [min, max].
const CLI::Validator& non_empty();
CLI::Validator whole_number(std::uint64_t min, std::uint64_t max);

// The catalog named by --model, or the bundled one.
Catalog load_catalog_for(const Globals& globals);

void add_analyze_command(CLI::App& app, std::shared_ptr<Globals> globals);
void add_validate_command(CLI::App& app, std::shared_ptr<Globals> globals);
void add_catalog_command(CLI::App& app, std::shared_ptr<Globals> globals);
void add_measurements_command(CLI::App& app, std::shared_ptr<Globals> globals);
void add_simulate_command(CLI::App& app, std::shared_ptr<Globals> globals);
void add_diff_command(CLI::App& app, std::shared_ptr<Globals> globals);
void add_generate_command(CLI::App& app, std::shared_ptr<Globals> globals);
void add_sweep_command(CLI::App& app, std::shared_ptr<Globals> globals);
void add_sensitivity_command(CLI::App& app, std::shared_ptr<Globals> globals);

}  // namespace plainsight::cli
