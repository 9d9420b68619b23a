#include "cli/simulation_options.h"

#include <limits>

#include "cli/commands.h"
#include "core/limits.h"

namespace plainsight::cli {

void add_trials_and_seed(CLI::App& cmd, std::uint64_t& trials, std::uint64_t& seed,
                         const std::string& trials_help) {
  cmd.add_option("--trials", trials, trials_help)->check(whole_number(1, kMaxTrials));
  cmd.add_option("--seed", seed, "Random seed (default 1)")
      ->check(whole_number(0, std::numeric_limits<std::uint64_t>::max()));
}

}  // namespace plainsight::cli
