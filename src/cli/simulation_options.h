// --trials and --seed, as every command that simulates takes them: the same ranges (1 to
// kMaxTrials trials, any 64-bit seed) and the same refusals everywhere.
#pragma once

#include <cstdint>
#include <string>

#include <CLI/CLI.hpp>

namespace plainsight::cli {

void add_trials_and_seed(CLI::App& cmd, std::uint64_t& trials, std::uint64_t& seed,
                         const std::string& trials_help);

}  // namespace plainsight::cli
