#include "cli/phase_timer.h"

#include <sys/resource.h>

#include <iostream>

#include <fmt/format.h>

namespace plainsight::cli {
namespace {

double seconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

}  // namespace

PhaseTimer::PhaseTimer(bool enabled)
    : enabled_(enabled), start_(std::chrono::steady_clock::now()), last_(start_) {}

void PhaseTimer::mark(const std::string& phase) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  std::cerr << fmt::format("timing: {:<22} {:8.3f} s\n", phase, seconds(now - last_));
  last_ = now;
}

PhaseTimer::~PhaseTimer() {
  if (!enabled_) return;
  rusage u{};
  getrusage(RUSAGE_SELF, &u);  // ru_maxrss is in KiB on Linux
  std::cerr << fmt::format("timing: {:<22} {:8.3f} s, peak resident {:.1f} MiB\n", "total",
                           seconds(std::chrono::steady_clock::now() - start_),
                           static_cast<double>(u.ru_maxrss) / 1024);
}

}  // namespace plainsight::cli
