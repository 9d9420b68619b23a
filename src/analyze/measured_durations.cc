#include "analyze/measured_durations.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>

#include "analyze/fit.h"
#include "analyze/platform_match.h"
#include "analyze/probe_bound.h"
#include "core/probe_account.h"

namespace plainsight {
namespace {

template <typename T>
bool contains(const std::vector<T>& list, const T& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

template <typename T>
void add_once(std::vector<T>& list, T v) {
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
  std::string key;            // the series_by params
  PlatformMatch match;  // alike for every result of the series (its mismatches are part of the key)
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

// Why `other` was not used when `chosen` was: the first rule of the ranking that decides.
Considered::Rank why_not(const Option& other, const Option& chosen) {
  using R = Considered::Rank;
  if (other.candidate->emulation != chosen.candidate->emulation) return R::device_before_emulation;
  if (other.series->match.distance() != chosen.series->match.distance())
    return R::closer_platform_match;
  if (other.series->candidate != chosen.series->candidate) return R::probe_map_order;
  if (other.estimate.sizes != chosen.estimate.sizes) return R::larger_sweep;
  if (other.file->started_at != chosen.file->started_at) return R::later_run;
  return R::file_order;
}

// The series_by params a sweep's first result carries.
ParamList sweep_params(const ProbeCandidate& c, const ProbeResult& first) {
  ParamList out;
  for (const std::string& k : c.series_by)
    if (!first.param(k).empty()) out.emplace_back(k, first.param(k));
  return out;
}

// A chain entry about `probe` in `file`.
Considered entry(Considered::Kind kind, const std::string& probe, const std::string& file) {
  Considered x;
  x.kind = kind;
  x.probe = probe;
  x.file = file;
  return x;
}

AnalysisWarning warning(AnalysisWarning::Kind kind, const std::string& stage) {
  AnalysisWarning w;
  w.kind = kind;
  w.stage = stage;
  return w;
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
  std::vector<Considered> refused;   // the chain
  std::vector<std::string> matched;  // file paths with a result for the rule's probes
};

Gathered gather(const Catalog& catalog, const std::vector<MeasurementFile>& files,
                const ProbeRule& rule, const MeasurementQuery& q, bool allow_mismatch) {
  using K = Considered::Kind;
  Gathered g;
  const WantedPlatform want{q.stage, q.attributes, q.cc_on};
  // Mismatches by (candidate, file), so that a file which also has a matching series of the
  // same probe (host.bounce_buffer in both CC modes) does not list the other mode.
  std::map<std::pair<std::size_t, std::size_t>, std::vector<Considered>> mismatched;
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
        PlatformMatch m = match_platform(catalog, c, f, r, want);
        if (m.unknown_cc_state) {
          Considered x = entry(K::unknown_cc_state, c.probe, f.name);
          x.value = *m.unknown_cc_state;
          add_once(g.refused, std::move(x));
          continue;
        }
        // A CC pair compares each state with itself: no forcing one for the other there.
        // Nor a result that crossed no fabric for a fabric stage: it measured another medium.
        const auto exact = [&](const FacetMismatch& x) {
          return (q.exact_cc && x.facet == PlatformFacet::cc) || x.same_node;
        };
        if (!m.mismatches.empty() &&
            (!allow_mismatch || std::any_of(m.mismatches.begin(), m.mismatches.end(), exact))) {
          for (const FacetMismatch& x : m.mismatches) {
            Considered e = entry(K::mismatch, c.probe, f.name);
            e.mismatch = x;
            e.allowable = !exact(x);
            add_once(mismatched[{ci, fi}], std::move(e));
          }
          continue;
        }
        std::string key;
        for (const std::string& k : c.series_by) key += "\x1f" + k + "=" + r.param(k);
        auto it = std::find_if(g.series.begin(), g.series.end(), [&](const Series& s) {
          return s.candidate == ci && s.file == fi && s.key == key &&
                 s.match.mismatches == m.mismatches;
        });
        if (it == g.series.end()) {
          g.series.push_back({ci, fi, key, std::move(m), {}});
          it = std::prev(g.series.end());
        }
        it->results.push_back(&r);
      }
    }
  }
  for (const auto& found : mismatched) {
    // A named pair, not a structured binding: clang 14 cannot capture bindings in lambdas.
    const auto& where = found.first;
    const bool has_series = std::any_of(g.series.begin(), g.series.end(), [&](const Series& s) {
      return s.candidate == where.first && s.file == where.second;
    });
    if (!has_series)
      for (const Considered& l : found.second) add_once(g.refused, l);
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

// Why an emulation may not stand in here (the rules of docs/measurements.md), if it may not.
std::optional<Considered::Kind> emulation_refusal(bool platform_cc_on, bool device_applies,
                                                  bool allow_emulation) {
  using K = Considered::Kind;
  // Nothing to emulate without confidential mode; below the datasheet unless asked, and
  // never in place of a device measurement.
  if (!platform_cc_on) return K::emulation_cc_off;
  if (device_applies) return K::emulation_not_needed;
  if (!allow_emulation) return K::emulation_not_allowed;
  return std::nullopt;
}

// The sweeps that may stand for the stage, fitted at the payload: devices first (an
// emulation depends on whether one applies), fits outside their bounds and sweeps beyond
// their physical bound refused.
std::vector<Option> weigh(const Catalog& catalog, const ProbeRule& rule,
                          const std::vector<MeasurementFile>& files, Gathered& g,
                          const MeasurementQuery& q, bool allow_emulation,
                          std::vector<Considered>& not_needed) {
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
        if (c.emulation) {
          if (const auto why =
                  emulation_refusal(platform_cc_on, !options.empty(), allow_emulation)) {
            // Passed over for a device measurement is no refusal: the chain says it only.
            add_once(platform_cc_on && !options.empty() ? not_needed : g.refused,
                     entry(*why, c.probe, files[fi].name));
            continue;
          }
        }
        Option o{best, &c, &files[fi], {}, {}, {}};
        for (const ProbeResult* r : best->results) o.points.push_back({r->bytes, r->median_s});
        o.fit = fit_latency_bandwidth(o.points);
        o.estimate = estimate(o.points, o.fit, q.bytes);
        std::vector<FitViolation> broken = fit_bound_violations(o.fit, o.estimate, c.fit);
        if (!broken.empty()) {
          Considered x = entry(Considered::Kind::out_of_bounds, c.probe, files[fi].name);
          x.sizes = o.estimate.sizes;
          x.min_bytes = o.fit.min_bytes;
          x.max_bytes = o.fit.max_bytes;
          x.bytes = q.bytes;
          x.violations = std::move(broken);
          x.fitted = o.estimate.provenance == Provenance::fitted;
          add_once(g.refused, std::move(x));
          continue;
        }
        if (std::optional<Considered> x =
                bound_refusal(catalog, *q.stage, c, o.points, q.bytes, o.estimate.seconds)) {
          x->probe = c.probe;
          x->file = files[fi].name;
          add_once(g.refused, std::move(*x));
          continue;
        }
        options.push_back(std::move(o));
      }
    }
  }
  std::stable_sort(options.begin(), options.end(), ranks_before);
  return options;
}

// The figure of the option used, with its account of itself.
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
  fig.source = o.file->name + ": " + c.probe;  // an id, as a catalog source's
  auto account = std::make_shared<ProbeAccount>();
  account->file = o.file->name;
  account->probe = c.probe;
  account->label = c.label;
  account->params.assign(c.params.begin(), c.params.end());
  account->series = sweep_params(c, first);
  account->points = o.points.size();
  account->machine = o.file->machine_of(first);
  account->fit = o.fit;
  account->estimate = e;
  account->host_result = c.depends_on.empty();
  account->emulation = c.emulation;
  account->notes = o.series->match.notes;
  account->forced = o.series->match.mismatches;
  fig.probe = std::move(account);
  return fig;
}

// The chain entry of a sweep that applied and was outranked by `chosen`.
Considered outranked(const Option& x, const Option& chosen) {
  Considered e = entry(Considered::Kind::outranked, x.candidate->probe, x.file->name);
  e.series = sweep_params(*x.candidate, *x.series->results.front());
  e.sizes = x.estimate.sizes;
  e.seconds = x.estimate.seconds;
  e.chosen_seconds = chosen.estimate.seconds;
  e.chosen_file = chosen.file->name;
  e.outranked_by = why_not(x, chosen);
  e.chosen_sizes = chosen.estimate.sizes;
  e.started_at = x.file->started_at;
  e.chosen_started_at = chosen.file->started_at;
  return e;
}

}  // namespace

MeasuredChoice MeasuredDurations::choose(const MeasurementQuery& q) const {
  using W = AnalysisWarning::Kind;
  MeasuredChoice out;
  const Stage& st = *q.stage;
  const ProbeRule* rule = select_probe_rule(catalog_.probe_map, st, *q.attributes);
  if (!rule) return out;
  Gathered g = gather(catalog_, files_, *rule, q, options_.allow_mismatch);
  out.matched = std::move(g.matched);
  std::vector<Considered> not_needed;  // emulations passed over for a device measurement
  const std::vector<Option> options =
      weigh(catalog_, *rule, files_, g, q, options_.allow_emulation, not_needed);

  if (options.empty()) {
    out.considered = g.refused;
    for (const Considered& n : not_needed) add_once(out.considered, n);
    for (const Considered& r : g.refused) {
      AnalysisWarning w = warning(W::not_used, st.id);
      w.entry = r;
      if (q.catalog) w.kept = q.catalog->provenance;
      out.warnings.push_back(std::move(w));
    }
    return out;
  }
  const Option& o = options.front();
  const ProbeCandidate& c = *o.candidate;
  Figure fig = figure_of(o, q);
  for (const FacetMismatch& x : o.series->match.mismatches) {
    AnalysisWarning w = warning(W::forced, st.id);
    w.probe = c.probe;
    w.file = o.file->name;
    w.mismatch = x;
    out.warnings.push_back(std::move(w));
  }
  if (c.emulation) {
    AnalysisWarning w = warning(W::emulation_used, st.id);
    w.probe = c.probe;
    w.file = o.file->name;
    out.warnings.push_back(std::move(w));
  }

  // The chain: every other sweep that applied, with how far it disagrees; the refused ones;
  // the catalog figure this one replaces.
  for (std::size_t i = 1; i < options.size(); ++i) {
    const Option& x = options[i];
    Considered line = outranked(x, o);
    if (x.candidate->probe == c.probe && x.file != o.file) {
      AnalysisWarning w = warning(W::disagreement, st.id);
      w.file = o.file->name;
      w.entry = line;
      out.warnings.push_back(std::move(w));
    }
    fig.considered.push_back(std::move(line));
  }
  for (const Considered& r : g.refused) fig.considered.push_back(r);
  for (const Considered& n : not_needed) fig.considered.push_back(n);
  if (q.catalog) {
    Considered replaced;
    replaced.kind = Considered::Kind::catalog_replaced;
    replaced.catalog = std::make_shared<const Figure>(*q.catalog);
    replaced.by_emulation = c.emulation;
    fig.considered.push_back(std::move(replaced));
  }
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
  d.warnings = std::move(c.warnings);
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
  if (off.figure->probe->probe != on.figure->probe->probe) return std::nullopt;
  CcPair pair{std::move(*off.figure), std::move(*on.figure)};
  // Confidential mode adds work to the path (a cipher, a bounce buffer); it never removes
  // any. CC on faster than CC off is a measurement error, not a negative cost.
  pair.refused = pair.on.value < pair.off.value;
  return pair;
}

}  // namespace plainsight
