#include "hwprobe/harness/stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace hwprobe {

Summary summarize(const std::vector<double>& samples) {
  if (samples.empty()) throw std::invalid_argument("summarize: no samples");
  for (double s : samples) {
    if (!std::isfinite(s)) throw std::invalid_argument("summarize: non-finite sample");
  }
  std::vector<double> sorted = samples;
  std::sort(sorted.begin(), sorted.end());
  const std::size_t n = sorted.size();
  Summary out;
  out.min = sorted.front();
  out.max = sorted.back();
  out.median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  out.mean = std::accumulate(sorted.begin(), sorted.end(), 0.0) / static_cast<double>(n);
  if (n > 1 && out.mean != 0.0) {
    double ss = 0;
    for (double s : sorted) ss += (s - out.mean) * (s - out.mean);
    out.cv = std::sqrt(ss / static_cast<double>(n - 1)) / out.mean;
  }
  return out;
}

}  // namespace hwprobe
