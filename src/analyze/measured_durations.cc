#include "analyze/measured_durations.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include <fmt/format.h>

#include "analyze/fit.h"
#include "analyze/platform_match.h"
#include "core/quantity.h"

namespace plainsight {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

void add_once(std::vector<std::string>& list, std::string v) {
  if (!contains(list, v)) list.push_back(std::move(v));
}

// The attributes probe rules match on: the stage's, plus what only the stage knows.
Attributes rule_attributes(const Stage& st, const Attributes& a) {
  Attributes out = a;
  out["stage.decrypts"] = st.decrypts ? "true" : "false";
  return out;
}

bool when_holds(const std::map<std::string, std::vector<std::string>>& when, const Attributes& a) {
  for (const auto& [key, accepted] : when) {
    auto it = a.find(key);
    if (it == a.end() || !contains(accepted, it->second)) return false;
  }
  return true;
}

std::string params_text(const ProbeCandidate& c) {
  std::string out;
  for (const auto& [k, v] : c.params) out += fmt::format(" {}={}", k, v);
  return out;
}

// Sample standard deviation over mean (the probe format's cv), from the samples
// themselves: the loader does not check a file's cv against them. 0 under two samples.
double relative_spread(const std::vector<double>& samples) {
  if (samples.size() < 2) return 0;
  double mean = 0;
  for (double x : samples) mean += x;
  mean /= samples.size();
  double ss = 0;
  for (double x : samples) ss += (x - mean) * (x - mean);
  return mean > 0 ? std::sqrt(ss / (samples.size() - 1)) / mean : 0;
}

double numeric(const std::string& text) {
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  return end && *end == '\0' && !text.empty() ? v : 0;
}

// The results of one candidate in one file that form one sweep: split by the candidate's
// series_by params and by how they differ from the wanted platform.
struct Series {
  std::size_t candidate = 0;  // index in the rule
  std::size_t file = 0;       // index in the files
  std::string key;
  PlatformMatch match;  // alike for every result of the series (it is part of the key)
  std::vector<const ProbeResult*> results;
};

// A sweep that may stand for the stage, evaluated at its payload.
struct Option {
  const Series* series = nullptr;
  const ProbeCandidate* candidate = nullptr;
  const MeasurementFile* file = nullptr;
  std::vector<SweepPoint> points;
  LinearFit fit;
  SweepEstimate estimate;
};

// Ranking of options: a device measurement before an emulation, then the closest platform
// match, the probe map's order, the larger sweep, the later run (ISO 8601 times sort as
// text), the order the files were given.
bool ranks_before(const Option& a, const Option& b) {
  if (a.candidate->emulation != b.candidate->emulation) return !a.candidate->emulation;
  if (a.series->match.distance() != b.series->match.distance())
    return a.series->match.distance() < b.series->match.distance();
  if (a.series->candidate != b.series->candidate) return a.series->candidate < b.series->candidate;
  if (a.estimate.sizes != b.estimate.sizes) return a.estimate.sizes > b.estimate.sizes;
  if (a.file->started_at != b.file->started_at) return a.file->started_at > b.file->started_at;
  return a.series->file < b.series->file;
}

// Why `other` was not used when `chosen` was (the first rule of the ranking that decides).
std::string why_not(const Option& other, const Option& chosen) {
  if (other.candidate->emulation != chosen.candidate->emulation)
    return "an emulation ranks below a device measurement";
  if (other.series->match.distance() != chosen.series->match.distance())
    return "a closer platform match was used";
  if (other.series->candidate != chosen.series->candidate) return "lower in the probe map's order";
  if (other.estimate.sizes != chosen.estimate.sizes)
    return fmt::format("the larger sweep was used ({} sizes against {})", chosen.estimate.sizes,
                       other.estimate.sizes);
  if (other.file->started_at != chosen.file->started_at)
    return fmt::format("the later run was used ({} against {})",
                       chosen.file->started_at.empty() ? "?" : chosen.file->started_at,
                       other.file->started_at.empty() ? "an unknown time" : other.file->started_at);
  return "the file given first was used";
}

std::string sweep_text(const ProbeCandidate& c, const ProbeResult& first) {
  std::string sweep;
  for (const std::string& k : c.series_by)
    if (!first.param(k).empty()) sweep += fmt::format(" {}={}", k, first.param(k));
  return sweep;
}

std::string catalog_text(const Figure& f) {
  std::string out = fmt::format("{} figure {}", to_string(f.provenance), format_duration(f.value));
  // The chain names the catalog figure by its numbers (the words are report/'s).
  if (!f.detail.empty())
    out += " (" + f.detail + ")";
  else if (f.how.bandwidth_Bps > 0)
    out +=
        fmt::format(" ({} / {})", format_bytes(f.how.bytes), format_bandwidth(f.how.bandwidth_Bps));
  if (!f.source.empty()) out += " [" + f.source + "]";
  return out;
}

}  // namespace

const ProbeRule* select_probe_rule(const ProbeMap& map, const Stage& st, const Attributes& a) {
  const Attributes attrs = rule_attributes(st, a);
  const ProbeRule* best = nullptr;
  for (const ProbeRule& r : map.rules)
    if (r.medium == st.medium && when_holds(r.when, attrs) &&
        (!best || r.when.size() > best->when.size()))
      best = &r;
  return best;
}

MeasuredDurations::MeasuredDurations(const Catalog& c, std::vector<MeasurementFile> files,
                                     MeasuredOptions options)
    : catalog_(c), files_(std::move(files)), options_(options) {}

namespace {

// What the files offer a query, before fits: the sweeps that apply (or are forced by
// --allow-mismatch) and the refusals, in the order they arose.
struct Gathered {
  std::vector<Series> series;
  std::vector<std::string> refused;  // "probe in file ...: not used": the chain
  std::vector<std::string> matched;  // file paths with a result for the rule's probes
};

Gathered gather(const Catalog& catalog, const std::vector<MeasurementFile>& files,
                const ProbeRule& rule, const MeasurementQuery& q, bool allow_mismatch) {
  Gathered g;
  const WantedPlatform want{q.stage, q.attributes, q.cc_on};
  // Mismatches by (candidate, file), so that a file which also has a matching series of the
  // same probe (host.bounce_buffer in both CC modes) does not list the other mode.
  std::map<std::pair<std::size_t, std::size_t>, std::vector<std::string>> mismatched;
  for (std::size_t ci = 0; ci < rule.candidates.size(); ++ci) {
    const ProbeCandidate& c = rule.candidates[ci];
    for (std::size_t fi = 0; fi < files.size(); ++fi) {
      const MeasurementFile& f = files[fi];
      for (const ProbeResult& r : f.results) {
        if (r.probe != c.probe) continue;
        bool match = true;
        for (const auto& [k, v] : c.params) match &= r.param(k) == v;
        if (!match) continue;
        add_once(g.matched, f.path);
        const std::string who = fmt::format("{} in {}", c.probe, f.name);
        PlatformMatch m = match_platform(catalog, c, f, r, want);
        if (!m.unusable.empty()) {
          add_once(g.refused, fmt::format("{} {}: not used", who, m.unusable));
          continue;
        }
        // A CC pair compares each state with itself: no forcing one for the other there.
        const auto exact = [&](const FacetMismatch& x) {
          return q.exact_cc && x.facet == PlatformFacet::cc;
        };
        if (!m.mismatches.empty() &&
            (!allow_mismatch || std::any_of(m.mismatches.begin(), m.mismatches.end(), exact))) {
          for (const FacetMismatch& x : m.mismatches)
            add_once(mismatched[{ci, fi}],
                     fmt::format("{} {}: not used{}", who, x.why,
                                 exact(x) ? "" : " (--allow-mismatch uses it)"));
          continue;
        }
        std::string key;
        for (const std::string& k : c.series_by) key += "\x1f" + k + "=" + r.param(k);
        for (const FacetMismatch& x : m.mismatches) key += "\x1e" + x.forced;
        auto it = std::find_if(g.series.begin(), g.series.end(), [&](const Series& s) {
          return s.candidate == ci && s.file == fi && s.key == key;
        });
        if (it == g.series.end()) {
          g.series.push_back({ci, fi, key, std::move(m), {}});
          it = std::prev(g.series.end());
        }
        it->results.push_back(&r);
      }
    }
  }
  for (const auto& entry : mismatched) {
    // A named pair, not a structured binding: clang 14 cannot capture bindings in lambdas.
    const auto& where = entry.first;
    const bool has_series = std::any_of(g.series.begin(), g.series.end(), [&](const Series& s) {
      return s.candidate == where.first && s.file == where.second;
    });
    if (!has_series)
      for (const std::string& l : entry.second) add_once(g.refused, l);
  }
  return g;
}

// The sweep that stands for one candidate in one file: the closest match, then the largest
// prefer_max value (e.g. all cores), then the first.
const Series* file_sweep(const std::vector<Series>& series, std::size_t ci, std::size_t fi,
                         const ProbeCandidate& c) {
  const Series* best = nullptr;
  for (const Series& s : series) {
    if (s.candidate != ci || s.file != fi) continue;
    if (!best || s.match.distance() < best->match.distance() ||
        (s.match.distance() == best->match.distance() && !c.prefer_max.empty() &&
         numeric(s.results.front()->param(c.prefer_max)) >
             numeric(best->results.front()->param(c.prefer_max))))
      best = &s;
  }
  return best;
}

// Why an emulation may not stand in here (the rules of docs/measurements.md), or "".
std::string emulation_refusal(const std::string& who, bool platform_cc_on, bool device_applies,
                              bool allow_emulation) {
  // Nothing to emulate without confidential mode; below the datasheet unless asked, and
  // never in place of a device measurement.
  if (!platform_cc_on)
    return fmt::format(
        "{} is an emulation of the CC copy path on the host CPU: never used on a CC-off "
        "platform",
        who);
  if (device_applies)
    return fmt::format("{}: an emulation, not needed: a device measurement applies", who);
  if (!allow_emulation)
    return fmt::format(
        "{} is an emulation on the host CPU, ranked below the datasheet: not used "
        "(--allow-emulation uses it where no device measurement applies)",
        who);
  return "";
}

// Why a sweep over the stage's own link cannot be a measurement of it: a point of the sweep,
// or the figure at the payload, faster than the link's datasheet bandwidth allows (a forged
// file, or a clock that stopped); "" when it is within the limit or nothing bounds it.
std::string beyond_link(const Catalog& catalog, const MeasurementQuery& q, const Option& o) {
  const LinkLimit& limit = catalog.probe_map.link_limit;
  const Link* link = catalog.link(q.stage->link);
  if (!o.candidate->within_link || limit.factor <= 0 || !link || link->bandwidth_Bps <= 0)
    return "";
  double fastest = q.bytes / o.estimate.seconds, at = q.bytes;
  for (const SweepPoint& p : o.points)
    if (p.bytes / p.seconds > fastest) fastest = p.bytes / p.seconds, at = p.bytes;
  if (fastest <= link->bandwidth_Bps * limit.factor) return "";
  return fmt::format(
      "runs at {} at {} (bytes / median), {:.3g}x the datasheet bandwidth of link "
      "'{}' ({} [{}]): more than the link can carry (at most {:g}x, model/"
      "probe_map.yaml link_limit)",
      format_bandwidth(fastest), format_bytes(at), fastest / link->bandwidth_Bps, link->id,
      format_bandwidth(link->bandwidth_Bps), link->source.id, limit.factor);
}

// The sweeps that may stand for the stage, fitted at the payload: devices first (an
// emulation depends on whether one applies), fits outside their bounds and sweeps faster
// than their link refused.
std::vector<Option> weigh(const Catalog& catalog, const ProbeRule& rule,
                          const std::vector<MeasurementFile>& files, Gathered& g,
                          const MeasurementQuery& q, bool allow_emulation,
                          std::vector<std::string>& not_needed) {
  auto cc_attr = q.attributes->find("confidential_mode");
  const bool platform_cc_on = cc_attr != q.attributes->end() && cc_attr->second == "on";
  std::vector<Option> options;
  for (bool emulations : {false, true}) {
    for (std::size_t ci = 0; ci < rule.candidates.size(); ++ci) {
      const ProbeCandidate& c = rule.candidates[ci];
      if (c.emulation != emulations) continue;
      for (std::size_t fi = 0; fi < files.size(); ++fi) {
        const Series* best = file_sweep(g.series, ci, fi, c);
        if (!best) continue;
        const std::string who = fmt::format("{} in {}", c.probe, files[fi].name);
        if (c.emulation) {
          const std::string why =
              emulation_refusal(who, platform_cc_on, !options.empty(), allow_emulation);
          if (!why.empty()) {
            // Passed over for a device measurement is no refusal: the chain says it only.
            add_once(platform_cc_on && !options.empty() ? not_needed : g.refused, why);
            continue;
          }
        }
        Option o{best, &c, &files[fi], {}, {}, {}};
        for (const ProbeResult* r : best->results) o.points.push_back({r->bytes, r->median_s});
        o.fit = fit_latency_bandwidth(o.points);
        o.estimate = estimate(o.points, o.fit, q.bytes);
        const std::vector<std::string> broken = fit_bound_violations(o.fit, o.estimate, c.fit);
        if (!broken.empty()) {
          add_once(
              g.refused,
              fmt::format("{} ({} sizes, {} .. {}) cannot stand for {}: its {} out of "
                          "bounds: {}",
                          who, o.estimate.sizes, format_bytes(o.fit.min_bytes),
                          format_bytes(o.fit.max_bytes), format_bytes(q.bytes),
                          o.estimate.provenance == Provenance::fitted ? "fit is" : "medians are",
                          fmt::join(broken, ", ")));
          continue;
        }
        if (const std::string why = beyond_link(catalog, q, o); !why.empty()) {
          add_once(g.refused, fmt::format("{} {}: not used", who, why));
          continue;
        }
        options.push_back(std::move(o));
      }
    }
  }
  std::stable_sort(options.begin(), options.end(), ranks_before);
  return options;
}

// The figure of the option used, with what it says about itself in its detail.
Figure figure_of(const Option& o, const MeasurementQuery& q) {
  const ProbeCandidate& c = *o.candidate;
  const ProbeResult& first = *o.series->results.front();
  const SweepEstimate& e = o.estimate;
  Figure fig;
  fig.value = e.seconds;
  fig.provenance = c.emulation ? Provenance::emulated : e.provenance;
  // The spread measured at the sweep point nearest the payload (in log size): a sweep's
  // relative spread changes with size (timer and latency noise dominate small transfers,
  // memory contention large ones), so the nearest point is the regime the stage runs in,
  // where a median over the sweep would mix them. Beyond the sweep it is the end point's.
  const ProbeResult* nearest = &first;
  for (const ProbeResult* r : o.series->results)
    if (std::abs(std::log(r->bytes / q.bytes)) < std::abs(std::log(nearest->bytes / q.bytes)))
      nearest = r;
  fig.spread_s = e.seconds * relative_spread(nearest->samples_s);
  fig.source = fmt::format("{}: {}", o.file->name, c.probe);
  fig.detail = fmt::format("{} ({}{}{}, {} sizes) on {}: {} for {}", c.label, c.probe,
                           params_text(c), sweep_text(c, first), o.points.size(),
                           o.file->machine_of(first).summary(), e.how, format_bytes(q.bytes));
  if (e.provenance == Provenance::measured) fig.detail += "; fit " + o.fit.str();
  if (c.depends_on.empty()) fig.detail += "; host result, applies on any platform";
  if (c.emulation)
    fig.detail += "; emulation on the host, not the device path (used by --allow-emulation)";
  for (const std::string& n : o.series->match.notes) fig.detail += "; " + n;
  for (const FacetMismatch& x : o.series->match.mismatches) fig.detail += "; " + x.forced;
  return fig;
}

}  // namespace

MeasuredChoice MeasuredDurations::choose(const MeasurementQuery& q) const {
  MeasuredChoice out;
  const Stage& st = *q.stage;
  const ProbeRule* rule = select_probe_rule(catalog_.probe_map, st, *q.attributes);
  if (!rule) return out;
  Gathered g = gather(catalog_, files_, *rule, q, options_.allow_mismatch);
  out.matched = std::move(g.matched);
  std::vector<std::string> not_needed;  // emulations passed over for a device measurement
  const std::vector<Option> options =
      weigh(catalog_, *rule, files_, g, q, options_.allow_emulation, not_needed);

  if (options.empty()) {
    out.considered = g.refused;
    for (const std::string& n : not_needed) add_once(out.considered, n);
    const std::string kept =
        q.catalog ? fmt::format("; the {} figure stays", to_string(q.catalog->provenance)) : "";
    for (const std::string& r : g.refused)
      out.warnings.push_back(fmt::format("stage '{}': {}{}", st.id, r, kept));
    return out;
  }
  const Option& o = options.front();
  const ProbeCandidate& c = *o.candidate;
  Figure fig = figure_of(o, q);
  for (const FacetMismatch& x : o.series->match.mismatches)
    out.warnings.push_back(
        fmt::format("stage '{}': {} in {}: {}", st.id, c.probe, o.file->name, x.forced));
  if (c.emulation)
    out.warnings.push_back(
        fmt::format("stage '{}': {} in {} is an emulation on the host CPU, standing in for the "
                    "missing device measurement by --allow-emulation (provenance emulated)",
                    st.id, c.probe, o.file->name));

  // The chain: every other sweep that applied, with how far it disagrees; the refused ones;
  // the catalog figure this one replaces.
  for (std::size_t i = 1; i < options.size(); ++i) {
    const Option& x = options[i];
    const double pct = 100 * (x.estimate.seconds / o.estimate.seconds - 1);
    const std::string line = fmt::format(
        "{} in {}{} ({} sizes) gives {}, {:+.1f}% against {}: not used, {}", x.candidate->probe,
        x.file->name, sweep_text(*x.candidate, *x.series->results.front()), x.estimate.sizes,
        format_duration(x.estimate.seconds), pct, o.file->name, why_not(x, o));
    fig.considered.push_back(line);
    if (x.candidate->probe == c.probe && x.file != o.file)
      out.warnings.push_back(fmt::format("stage '{}': {} and {} disagree: {}", st.id, o.file->name,
                                         x.file->name, line));
  }
  for (const std::string& r : g.refused) fig.considered.push_back(r);
  for (const std::string& n : not_needed) fig.considered.push_back(n);
  if (q.catalog)
    fig.considered.push_back(
        c.emulation ? catalog_text(*q.catalog) +
                          ": ranks above an emulation; replaced because --allow-emulation asks"
                    : catalog_text(*q.catalog) +
                          ": replaced by a probe result for this stage and platform");
  out.cc_specific = c.depends_on_facet(PlatformFacet::cc);
  out.figure = std::move(fig);
  return out;
}

std::optional<Figure> MeasuredDurations::per_event(const Scenario&, const Stage& st, double bytes,
                                                   const Attributes& a) const {
  auto cc = a.find("confidential_mode");
  const bool on = cc != a.end() && cc->second == "on";
  return choose({&st, bytes, &a, on, false, nullptr}).figure;
}

DurationDecision MeasuredDurations::decide(const Scenario&, const Stage& st, double bytes,
                                           const Attributes& a, const Figure& catalog) const {
  auto cc = a.find("confidential_mode");
  const bool on = cc != a.end() && cc->second == "on";
  MeasuredChoice c = choose({&st, bytes, &a, on, false, &catalog});
  DurationDecision d;
  if (c.figure) {
    d.figure = std::move(*c.figure);
  } else {
    d.figure = catalog;
    d.figure.considered = std::move(c.considered);
  }
  d.warnings.insert(d.warnings.end(), c.warnings.begin(), c.warnings.end());
  d.matched = std::move(c.matched);
  return d;
}

std::optional<CcPair> MeasuredDurations::cc_pair(const Scenario&, const Stage& st, double bytes,
                                                 const Attributes& a) const {
  MeasuredChoice off = choose({&st, bytes, &a, false, true, nullptr});
  MeasuredChoice on = choose({&st, bytes, &a, true, true, nullptr});
  // Host work that confidential mode does not change has no pair to show.
  if (!off.figure || !on.figure || !off.cc_specific || !on.cc_specific) return std::nullopt;
  // A pair compares like with like: both states from the same probe.
  // The source is "FILE: probe"; a file name may itself hold ": ".
  const auto probe = [](const Figure& f) { return f.source.substr(f.source.rfind(": ")); };
  if (probe(*off.figure) != probe(*on.figure)) return std::nullopt;
  CcPair pair{std::move(*off.figure), std::move(*on.figure), {}};
  // Confidential mode adds work to the path (a cipher, a bounce buffer); it never removes
  // any. CC on faster than CC off is a measurement error, not a negative cost.
  if (pair.on.value < pair.off.value)
    pair.refused = fmt::format(
        "CC on ({}, {}) is faster than CC off ({}, {}), by {:.1f}%: "
        "confidential mode adds work to the path and cannot save time, so "
        "the pair gives no CC cost",
        format_duration(pair.on.value), pair.on.source, format_duration(pair.off.value),
        pair.off.source, 100 * (1 - pair.on.value / pair.off.value));
  return pair;
}

}  // namespace plainsight
