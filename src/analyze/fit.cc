#include "analyze/fit.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <stdexcept>

#include <Eigen/Dense>

namespace plainsight {

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
  e.bytes = bytes;
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
      e.lower_bytes = e.upper_bytes = bytes;
      return e;
    }
    auto lower = std::prev(upper);
    gap(lower->first, upper->first);
    const double t_lo = lower->second.first / lower->second.second;
    const double w = (bytes - lower->first) / (upper->first - lower->first);
    e.seconds = t_lo + w * (t_hi - t_lo);
    e.basis = SweepEstimate::Basis::interpolated;
    e.lower_bytes = lower->first;
    e.upper_bytes = upper->first;
    return e;
  }
  e.provenance = Provenance::fitted;
  e.basis = SweepEstimate::Basis::extrapolated;
  e.lower_bytes = lo;
  e.upper_bytes = hi;
  e.seconds = fit.at(bytes);
  for (auto it = by_size.begin(); std::next(it) != by_size.end(); ++it)
    gap(it->first, std::next(it)->first);
  e.extrapolation = bytes > hi ? bytes / hi : lo / bytes;
  // One line over a sweep that crosses cache sizes can promise more than the largest sizes
  // deliver; far beyond the sweep only those count. Kept when they disagree.
  if (bytes > hi && by_size.size() >= 2 && fit.bandwidth_Bps > 0) {
    auto top = std::prev(by_size.end()), below = std::prev(top);
    const double dt =
        top->second.first / top->second.second - below->second.first / below->second.second;
    const double tail = dt > 0 ? (top->first - below->first) / dt : 0;
    if (tail > 0 && std::abs(tail / fit.bandwidth_Bps - 1) > 0.25) e.tail_bandwidth_Bps = tail;
  }
  return e;
}

std::vector<FitViolation> fit_bound_violations(const LinearFit& fit, const SweepEstimate& e,
                                               const FitBounds& b) {
  using B = FitViolation::Bound;
  std::vector<FitViolation> out;
  // Medians far apart say nothing of the sizes between them (caches, page tables, DMA set-up
  // change the regime): interpolated or fitted, the answer rests on that step.
  if (e.gap > b.max_size_gap)
    out.push_back({B::size_gap, e.gap, b.max_size_gap, e.gap_from, e.gap_to,
                   e.provenance == Provenance::fitted});
  if (e.provenance != Provenance::fitted) return out;
  if (static_cast<double>(e.sizes) < b.min_sizes)
    out.push_back({B::sizes, static_cast<double>(e.sizes), b.min_sizes});
  if (fit.r2 < b.min_r2) out.push_back({B::r2, fit.r2, b.min_r2});
  if (fit.rms_relative > b.max_rms_error)
    out.push_back({B::rms_error, fit.rms_relative, b.max_rms_error});
  if (e.extrapolation > b.max_extrapolation)
    out.push_back({B::extrapolation, e.extrapolation, b.max_extrapolation});
  return out;
}

}  // namespace plainsight
