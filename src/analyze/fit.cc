#include "analyze/fit.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <stdexcept>

#include <fmt/format.h>
#include <Eigen/Dense>

#include "core/quantity.h"

namespace plainsight {

std::string LinearFit::str() const {
  if (bandwidth_Bps <= 0)
    return fmt::format("t = {} flat over the sweep (no size dependence to fit)",
                       format_duration(latency_s));
  return fmt::format("t = {} + bytes / {} (R^2 {:.4f}, rms error {:.1f}%{})",
                     format_duration(latency_s), format_bandwidth(bandwidth_Bps), r2,
                     100 * rms_relative, latency_clamped ? ", latency clamped to 0" : "");
}

LinearFit fit_latency_bandwidth(std::vector<SweepPoint> pts) {
  if (pts.empty()) throw std::invalid_argument("a fit needs at least one point");
  std::sort(pts.begin(), pts.end(),
            [](const SweepPoint& a, const SweepPoint& b) { return a.bytes < b.bytes; });
  LinearFit f;
  f.points = pts.size();
  f.min_bytes = pts.front().bytes;
  f.max_bytes = pts.back().bytes;
  const Eigen::Index n = static_cast<Eigen::Index>(pts.size());
  // Bytes in GB keep the two columns of comparable magnitude for the solver.
  constexpr double kScale = 1e9;
  Eigen::VectorXd x(n), t(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    x(i) = pts[static_cast<std::size_t>(i)].bytes / kScale;
    t(i) = pts[static_cast<std::size_t>(i)].seconds;
  }
  double latency = 0, slope = 0;  // seconds, seconds per GB
  // Each row weighted by 1 / t: a sweep spans decades of sizes, and unweighted least squares
  // would let the largest sizes decide everything, the latency included. Weighted, every
  // size counts by its relative error, which is how the noise of timed trials behaves.
  const Eigen::VectorXd w = t.array().inverse().matrix();
  if (f.min_bytes < f.max_bytes) {
    Eigen::MatrixXd a(n, 2);
    a.col(0) = w;
    a.col(1) = (x.array() * w.array()).matrix();
    const Eigen::Vector2d beta = a.colPivHouseholderQr().solve(Eigen::VectorXd::Ones(n));
    latency = beta(0);
    slope = beta(1);
  }
  if (f.min_bytes == f.max_bytes || latency < 0) {
    // A negative latency is noise at the small sizes, not physics: refit through the origin.
    f.latency_clamped = f.min_bytes < f.max_bytes;
    latency = 0;
    const Eigen::VectorXd xw = (x.array() * w.array()).matrix();
    slope = xw.sum() / xw.dot(xw);  // minimises sum ((t - slope x) / t)^2
  }
  // Time that grows by less than a part in 1e9 over the sweep is flat, not a bandwidth.
  if (slope * x.maxCoeff() <= 1e-9 * t.mean()) slope = 0;
  f.latency_s = latency;
  f.bandwidth_Bps = slope > 0 ? kScale / slope : 0;
  if (slope <= 0) f.latency_s = t.mean();  // flat: the mean time is the best constant
  const Eigen::VectorXd fitted = (f.latency_s + (slope > 0 ? slope : 0) * x.array()).matrix();
  const Eigen::VectorXd r = t - fitted;
  const double ss_res = r.squaredNorm();
  const double ss_tot = (t.array() - t.mean()).square().sum();
  f.r2 = ss_tot > 0 ? 1 - ss_res / ss_tot : 1;
  f.rms_residual_s = std::sqrt(ss_res / static_cast<double>(n));
  f.rms_relative = std::sqrt((r.array() / t.array()).square().mean());
  return f;
}

SweepEstimate estimate(const std::vector<SweepPoint>& points, const LinearFit& fit, double bytes) {
  // Medians by size; several results at one size (e.g. two ranks) average.
  std::map<double, std::pair<double, int>> by_size;
  for (const SweepPoint& p : points) {
    auto& [sum, count] = by_size[p.bytes];
    sum += p.seconds;
    ++count;
  }
  SweepEstimate e;
  e.sizes = by_size.size();
  const double lo = by_size.begin()->first, hi = by_size.rbegin()->first;
  auto gap = [&e](double from, double to) {
    if (to / from > e.gap) e.gap = to / from, e.gap_from = from, e.gap_to = to;
  };
  if (bytes >= lo && bytes <= hi) {
    auto upper = by_size.lower_bound(bytes);
    const double t_hi = upper->second.first / upper->second.second;
    if (upper->first == bytes) {
      e.seconds = t_hi;
      e.how = fmt::format("the median at {}", format_bytes(bytes));
      return e;
    }
    auto lower = std::prev(upper);
    gap(lower->first, upper->first);
    const double t_lo = lower->second.first / lower->second.second;
    const double w = (bytes - lower->first) / (upper->first - lower->first);
    e.seconds = t_lo + w * (t_hi - t_lo);
    e.how = fmt::format("interpolated between the {} and {} medians", format_bytes(lower->first),
                        format_bytes(upper->first));
    return e;
  }
  e.provenance = Provenance::fitted;
  e.seconds = fit.at(bytes);
  for (auto it = by_size.begin(); std::next(it) != by_size.end(); ++it)
    gap(it->first, std::next(it)->first);
  e.extrapolation = bytes > hi ? bytes / hi : lo / bytes;
  e.how = fmt::format("{} the measured {} .. {}, {:.3g}x; {}", bytes > hi ? "beyond" : "below",
                      format_bytes(lo), format_bytes(hi), e.extrapolation, fit.str());
  // One line over a sweep that crosses cache sizes can promise more than the largest sizes
  // deliver; far beyond the sweep only those count. Say so when they disagree.
  if (bytes > hi && by_size.size() >= 2 && fit.bandwidth_Bps > 0) {
    auto top = std::prev(by_size.end()), below = std::prev(top);
    const double dt =
        top->second.first / top->second.second - below->second.first / below->second.second;
    const double tail = dt > 0 ? (top->first - below->first) / dt : 0;
    if (tail > 0 && std::abs(tail / fit.bandwidth_Bps - 1) > 0.25)
      e.how += fmt::format("; caution: the two largest sizes run at {}, not {}",
                           format_bandwidth(tail), format_bandwidth(fit.bandwidth_Bps));
  }
  return e;
}

std::vector<std::string> fit_bound_violations(const LinearFit& fit, const SweepEstimate& e,
                                              const FitBounds& b) {
  std::vector<std::string> out;
  // Medians far apart say nothing of the sizes between them (caches, page tables, DMA set-up
  // change the regime): interpolated or fitted, the answer rests on that step.
  if (e.gap > b.max_size_gap)
    out.push_back(
        fmt::format("{} between the measured {} and {}, {:.3g}x apart (at most {:g}x)",
                    e.provenance == Provenance::fitted ? "a fit over a step" : "interpolated",
                    format_bytes(e.gap_from), format_bytes(e.gap_to), e.gap, b.max_size_gap));
  if (e.provenance != Provenance::fitted) return out;
  if (static_cast<double>(e.sizes) < b.min_sizes)
    out.push_back(
        fmt::format("{} measured sizes (a fit needs at least {:g})", e.sizes, b.min_sizes));
  if (fit.r2 < b.min_r2) out.push_back(fmt::format("R^2 {:.4f} (at least {:g})", fit.r2, b.min_r2));
  if (fit.rms_relative > b.max_rms_error)
    out.push_back(fmt::format("rms error {:.1f}% (at most {:g}%)", 100 * fit.rms_relative,
                              100 * b.max_rms_error));
  if (e.extrapolation > b.max_extrapolation)
    out.push_back(fmt::format("{:.3g}x outside the measured sizes (at most {:g}x)", e.extrapolation,
                              b.max_extrapolation));
  return out;
}

}  // namespace plainsight
