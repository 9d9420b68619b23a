// Summary statistics of a probe's timed samples.
#pragma once

#include <vector>

namespace hwprobe {

struct Summary {
  double median = 0;
  double min = 0;
  double max = 0;
  double mean = 0;
  // Coefficient of variation: sample standard deviation (n-1) over the mean; 0 for one
  // sample. Tells how far a median can be trusted on a noisy machine.
  double cv = 0;
};

// Throws std::invalid_argument on an empty sample set or a non-finite sample.
Summary summarize(const std::vector<double>& samples);

}  // namespace hwprobe
