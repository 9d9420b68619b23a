// Time to compromise of one attack step, in MAL's vocabulary (the Meta Attack Language):
// Exponential(rate), Gamma(shape, scale), LogNormal(mu, sigma), Uniform(min, max),
// Bernoulli(p), a Bernoulli times a distribution ("Bernoulli(0.5) * Exponential(0.1)"),
// Zero, Infinity, and MAL's named levels (EasyAndCertain = Exponential(1.0), ...).
// As in MAL, the unit of time is the day: Exponential(0.1) has a mean of 10 days.
#pragma once

#include <string>
#include <string_view>

#include "core/rng.h"

namespace plainsight {

struct Ttc {
  enum class Kind { zero, infinity, exponential, gamma, lognormal, uniform };
  Kind kind = Kind::zero;
  double a = 0, b = 0;   // the distribution's parameters, in days (rate in 1/day)
  double p_success = 1;  // a Bernoulli factor: the chance the step can succeed at all
  std::string text;      // as written

  // Mean time in seconds given that the step succeeds; infinity when it cannot.
  double mean_s() const;
  // One draw in seconds; +infinity when the Bernoulli factor fails.
  double sample_s(Rng& rng) const;
  // The earliest of `n` independent draws, drawn at once from its own distribution (one
  // uniform through the inverse of P(min <= t) = 1 - (1 - p F(t))^n): the step worked on at
  // each of n identical replicas side by side. n = 1 is a draw like sample_s, from a
  // different use of the stream.
  double sample_min_s(Rng& rng, double n) const;
};

inline constexpr double kSecondsPerDay = 86400.0;

// The smallest of `n` standard normal draws, from one uniform (the inverse of its CDF).
double sample_min_normal(Rng& rng, double n);

// Parses `text`; on failure returns false and says what was expected in *error.
bool parse_ttc(std::string_view text, Ttc* out, std::string* error);

}  // namespace plainsight
