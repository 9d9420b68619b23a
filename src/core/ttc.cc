#include "core/ttc.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <vector>

#include <boost/math/special_functions/erf.hpp>
#include <boost/math/special_functions/gamma.hpp>

namespace plainsight {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// "Name(1, 2.5)" -> name and arguments; false when it is not of that form.
bool call(std::string_view s, std::string* name, std::vector<double>* args) {
  auto open = s.find('(');
  if (open == std::string_view::npos || s.back() != ')') {
    *name = std::string(s);
    return true;  // a bare name: a named level
  }
  *name = std::string(trim(s.substr(0, open)));
  std::string_view inner = s.substr(open + 1, s.size() - open - 2);
  while (!inner.empty()) {
    auto comma = inner.find(',');
    std::string_view item = trim(inner.substr(0, comma));
    double v = 0;
    auto [p, ec] = std::from_chars(item.data(), item.data() + item.size(), v);
    if (ec != std::errc() || p != item.data() + item.size() || !std::isfinite(v)) return false;
    args->push_back(v);
    if (comma == std::string_view::npos) break;
    inner.remove_prefix(comma + 1);
  }
  return true;
}

bool one(std::string_view text, Ttc* t, std::string* error) {
  std::string name;
  std::vector<double> args;
  if (!call(trim(text), &name, &args)) {
    *error = "distribution arguments must be numbers";
    return false;
  }
  auto need = [&](std::size_t n) {
    if (args.size() == n) return true;
    *error = name + " takes " + std::to_string(n) + " argument" + (n == 1 ? "" : "s");
    return false;
  };
  auto positive = [&](double v, const char* what) {
    if (v > 0) return true;
    *error = name + ": " + what + " must be positive";
    return false;
  };
  // MAL's named levels (mal-lang.org, "Time to compromise"): rates per day.
  struct Named {
    const char* name;
    double rate;
    double p;
  };
  static constexpr Named kNamed[] = {
      {"EasyAndCertain", 1.0, 1},      {"EasyAndUncertain", 1.0, 0.5},
      {"HardAndCertain", 0.1, 1},      {"HardAndUncertain", 0.1, 0.5},
      {"VeryHardAndCertain", 0.01, 1}, {"VeryHardAndUncertain", 0.01, 0.5},
  };
  for (const Named& n : kNamed)
    if (name == n.name && args.empty()) {
      t->kind = Ttc::Kind::exponential;
      t->a = n.rate;
      t->p_success *= n.p;
      return true;
    }
  if (name == "Zero" && args.empty()) {
    t->kind = Ttc::Kind::zero;
  } else if (name == "Infinity" && args.empty()) {
    t->kind = Ttc::Kind::infinity;
  } else if (name == "Exponential") {
    if (!need(1) || !positive(args[0], "the rate")) return false;
    t->kind = Ttc::Kind::exponential;
    t->a = args[0];
  } else if (name == "Gamma") {
    if (!need(2) || !positive(args[0], "the shape") || !positive(args[1], "the scale"))
      return false;
    t->kind = Ttc::Kind::gamma;
    t->a = args[0];
    t->b = args[1];
  } else if (name == "LogNormal") {
    if (!need(2) || !positive(args[1], "sigma")) return false;
    t->kind = Ttc::Kind::lognormal;
    t->a = args[0];
    t->b = args[1];
  } else if (name == "Uniform") {
    if (!need(2)) return false;
    if (args[0] < 0 || args[1] < args[0]) {
      *error = "Uniform(min, max) needs 0 <= min <= max";
      return false;
    }
    t->kind = Ttc::Kind::uniform;
    t->a = args[0];
    t->b = args[1];
  } else if (name == "Bernoulli") {
    if (!need(1)) return false;
    if (args[0] < 0 || args[0] > 1) {
      *error = "Bernoulli(p) needs 0 <= p <= 1";
      return false;
    }
    t->p_success *= args[0];  // alone: instant with probability p, never otherwise
  } else {
    *error = "unknown distribution '" + name +
             "': expected Exponential, Gamma, LogNormal, Uniform, Bernoulli, Zero, Infinity or a "
             "named level such as EasyAndCertain";
    return false;
  }
  return true;
}

}  // namespace

bool parse_ttc(std::string_view text, Ttc* out, std::string* error) {
  Ttc t;
  t.text = std::string(trim(text));
  if (t.text.empty()) {
    *error = "empty time to compromise";
    return false;
  }
  // At most one continuous distribution, times any Bernoulli factors.
  std::string_view rest = t.text;
  int continuous = 0;
  while (true) {
    auto star = rest.find('*');
    std::string_view part = trim(rest.substr(0, star));
    Ttc piece;
    if (!one(part, &piece, error)) return false;
    t.p_success *= piece.p_success;
    if (piece.kind != Ttc::Kind::zero || part.starts_with("Zero")) {
      if (!part.starts_with("Bernoulli") && ++continuous > 1) {
        *error = "at most one distribution besides Bernoulli factors";
        return false;
      }
      if (!part.starts_with("Bernoulli")) {
        t.kind = piece.kind;
        t.a = piece.a;
        t.b = piece.b;
      }
    }
    if (star == std::string_view::npos) break;
    rest.remove_prefix(star + 1);
  }
  *out = t;
  return true;
}

double Ttc::mean_s() const {
  if (p_success <= 0) return kInf;
  double days = 0;
  switch (kind) {
    case Kind::zero:
      days = 0;
      break;
    case Kind::infinity:
      return kInf;
    case Kind::exponential:
      days = 1 / a;
      break;
    case Kind::gamma:
      days = a * b;
      break;
    case Kind::lognormal:
      days = std::exp(a + b * b / 2);
      break;
    case Kind::uniform:
      days = (a + b) / 2;
      break;
  }
  return days * kSecondsPerDay;
}

namespace {

// 1 - (1 - u)^(1/n): the CDF value of the smallest of n uniform draws, exact for u near 0
// and n in the millions; kept inside (0, 1), where the quantiles below are finite.
double min_uniform(double u, double n) {
  return std::clamp(-std::expm1(std::log1p(-u) / n), std::numeric_limits<double>::min(),
                    std::nextafter(1.0, 0.0));
}

// The standard normal quantile.
double normal_quantile(double v) { return -std::sqrt(2.0) * boost::math::erfc_inv(2 * v); }

}  // namespace

double sample_min_normal(Rng& rng, double n) {
  return normal_quantile(min_uniform(rng.uniform(), n));
}

double Ttc::sample_min_s(Rng& rng, double n) const {
  // P(min <= t) = 1 - (1 - p F(t))^n; below 1 - (1 - p)^n every replica's step failed.
  const double u = rng.uniform();
  const double reached = p_success >= 1 ? 1 : -std::expm1(n * std::log1p(-p_success));
  if (u >= reached) return kInf;
  const double v = std::min(std::nextafter(1.0, 0.0), min_uniform(u, n) / p_success);
  double days = 0;
  switch (kind) {
    case Kind::zero:
      return 0;
    case Kind::infinity:
      return kInf;
    case Kind::exponential:
      days = -std::log1p(-v) / a;
      break;
    case Kind::gamma:
      days = boost::math::gamma_p_inv(a, v) * b;
      break;
    case Kind::lognormal:
      days = std::exp(a + b * normal_quantile(v));
      break;
    case Kind::uniform:
      days = a + (b - a) * v;
      break;
  }
  return days * kSecondsPerDay;
}

double Ttc::sample_s(Rng& rng) const {
  if (p_success < 1 && rng.uniform() >= p_success) return kInf;
  double days = 0;
  switch (kind) {
    case Kind::zero:
      return 0;
    case Kind::infinity:
      return kInf;
    case Kind::exponential:
      days = rng.exponential(a);
      break;
    case Kind::gamma:
      days = rng.gamma(a, b);
      break;
    case Kind::lognormal:
      days = std::exp(a + b * rng.normal());
      break;
    case Kind::uniform:
      days = a + (b - a) * rng.uniform();
      break;
  }
  return days * kSecondsPerDay;
}

}  // namespace plainsight
