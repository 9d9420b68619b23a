// --timings: where a run's time and memory go, phase by phase, on stderr. For a user whose
// cluster scenario takes long, and for us when we measure scale; never part of a report.
#pragma once

#include <chrono>
#include <string>

namespace plainsight::cli {

class PhaseTimer {
 public:
  explicit PhaseTimer(bool enabled);
  // Ends the phase running since the previous mark (or the start) and prints it.
  void mark(const std::string& phase);
  // Prints the total and the peak resident memory of the process.
  ~PhaseTimer();

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace plainsight::cli
