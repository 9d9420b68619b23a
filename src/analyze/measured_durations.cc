#include "analyze/measured_durations.h"

#include <cmath>
#include <cstdlib>
#include <map>

#include <fmt/format.h>

#include "analyze/fit.h"
#include "core/quantity.h"

namespace plainsight {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
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

// A result's catalog GPU, from its params or its machine: "" when it names none we know.
std::string result_gpu(const ProbeMap& map, const MeasurementFile& f, const ProbeResult& r,
                       std::string* name) {
  *name = r.param("gpu");
  if (name->empty() && !f.machine_of(r).gpus.empty()) *name = f.machine_of(r).gpus.front();
  for (const GpuModel& m : map.gpu_models)
    if (!name->empty() && name->find(m.match) != std::string::npos) return m.gpu;
  return "";
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
                                     bool allow_mismatch)
    : catalog_(c), files_(std::move(files)), allow_mismatch_(allow_mismatch) {}

void MeasuredDurations::warn(std::string text) const {
  if (warned_.insert(text).second) warnings_.push_back(std::move(text));
}

std::optional<Figure> MeasuredDurations::find(const Stage& st, double bytes, const Attributes& a,
                                              bool cc_on, bool allow_cc_mismatch, bool quiet,
                                              bool* cc_specific) const {
  const ProbeRule* rule = select_probe_rule(catalog_.probe_map, st, a);
  if (!rule) return std::nullopt;
  const std::string want_cc = cc_on ? "on" : "off";
  const std::string gen = a.count("gpu.generation") ? a.at("gpu.generation") : "none";
  const std::string gpu = a.count("gpu") ? a.at("gpu") : "none";
  std::vector<std::string> skipped;  // why matching results were not used

  for (const ProbeCandidate& c : rule->candidates) {
    struct Pick {
      const MeasurementFile* file;
      const ProbeResult* result;
      std::string note;
    };
    // Sweeps, keyed by file and the series_by params, in file and result order.
    std::vector<std::pair<std::string, std::vector<Pick>>> series;
    for (const MeasurementFile& f : files_) {
      for (const ProbeResult& r : f.results) {
        if (r.probe != c.probe) continue;
        bool match = true;
        for (const auto& [k, v] : c.params) match &= r.param(k) == v;
        if (!match) continue;
        std::vector<std::string> notes;
        bool usable = true;
        if (!c.cc_param.empty()) {
          std::string v = r.param(c.cc_param);
          if (v.empty() && c.gpu) v = f.machine_of(r).cc;
          const std::string state = contains(c.cc_on, v)    ? "on"
                                    : contains(c.cc_off, v) ? "off"
                                                            : "";
          if (state.empty()) {
            skipped.push_back(
                fmt::format("{} in {} has confidential-computing state '{}', "
                            "neither on nor off",
                            c.probe, f.name, v));
            continue;
          }
          if (state != want_cc) {
            if (!allow_cc_mismatch) {
              skipped.push_back(
                  fmt::format("{} in {} was measured with CC {}; the scenario "
                              "runs CC {}",
                              c.probe, f.name, state, want_cc));
              continue;
            }
            notes.push_back(
                fmt::format("measured with CC {}, applied to CC {} by "
                            "--allow-mismatch",
                            state, want_cc));
          }
        }
        if (c.gpu) {
          std::string name;
          const std::string id = result_gpu(catalog_.probe_map, f, r, &name);
          const PlatformOption* g = Catalog::find(catalog_.gpus, id);
          const std::string rgen =
              g && g->attributes.count("generation") ? g->attributes.at("generation") : "";
          if (rgen.empty() || rgen != gen) {
            const std::string what =
                rgen.empty() ? fmt::format("on '{}', a GPU the probe map does not know", name)
                             : fmt::format("on {} ({})", name, rgen);
            if (!allow_mismatch_) {
              skipped.push_back(fmt::format("{} in {} was measured {}; the scenario runs {} ({})",
                                            c.probe, f.name, what, gpu, gen));
              usable = false;
            } else {
              notes.push_back(
                  fmt::format("measured {}, applied to {} by --allow-mismatch", what, gpu));
            }
          }
        }
        if (!usable) continue;
        std::string key = f.path;
        for (const std::string& k : c.series_by) key += "\x1f" + k + "=" + r.param(k);
        auto it = std::find_if(series.begin(), series.end(),
                               [&](const auto& s) { return s.first == key; });
        if (it == series.end()) {
          series.push_back({key, {}});
          it = std::prev(series.end());
        }
        std::string note;
        for (const std::string& n : notes) note += "; " + n;
        it->second.push_back({&f, &r, note});
      }
    }
    if (series.empty()) continue;
    // Of several sweeps, the one with the largest prefer_max value (e.g. all cores).
    std::size_t best = 0;
    if (!c.prefer_max.empty())
      for (std::size_t i = 1; i < series.size(); ++i)
        if (numeric(series[i].second.front().result->param(c.prefer_max)) >
            numeric(series[best].second.front().result->param(c.prefer_max)))
          best = i;
    const std::vector<Pick>& picks = series[best].second;
    std::vector<SweepPoint> points;
    for (const Pick& p : picks) points.push_back({p.result->bytes, p.result->median_s});
    const LinearFit fit = fit_latency_bandwidth(points);
    const SweepEstimate e = estimate(points, fit, bytes);
    const Pick& first = picks.front();
    std::string sweep;
    for (const std::string& k : c.series_by)
      if (!first.result->param(k).empty())
        sweep += fmt::format(" {}={}", k, first.result->param(k));
    Figure fig;
    fig.value = e.seconds;
    fig.provenance = e.provenance;
    // The spread measured at the sweep point nearest the payload (in log size): a sweep's
    // relative spread changes with size (timer and latency noise dominate small transfers,
    // memory contention large ones), so the nearest point is the regime the stage runs in,
    // where a median over the sweep would mix them. Beyond the sweep it is the end point's.
    const Pick* nearest = &picks.front();
    for (const Pick& p : picks)
      if (std::abs(std::log(p.result->bytes / bytes)) <
          std::abs(std::log(nearest->result->bytes / bytes)))
        nearest = &p;
    fig.spread_s = e.seconds * relative_spread(nearest->result->samples_s);
    fig.source = fmt::format("{}: {}", first.file->name, c.probe);
    fig.detail = fmt::format(
        "{} ({}{}{}, {} sizes) on {}: {} for {}", c.label, c.probe, params_text(c), sweep,
        points.size(), first.file->machine_of(*first.result).summary(), e.how, format_bytes(bytes));
    if (e.provenance == Provenance::measured) fig.detail += "; fit " + fit.str();
    if (c.cc_param.empty() && !c.emulation) fig.detail += "; host result, applies on any platform";
    if (c.emulation) fig.detail += "; emulation on the host, not the device path";
    fig.detail += first.note;
    if (!first.note.empty() && !quiet)
      warn(fmt::format("stage '{}': {}{}", st.id, c.probe, first.note));
    if (cc_specific) *cc_specific = !c.cc_param.empty();
    used_.insert(first.file->path);
    return fig;
  }
  if (!quiet)
    for (const std::string& why : skipped)
      warn(fmt::format("stage '{}': {}: not used{}", st.id, why,
                       allow_mismatch_ ? "" : " (--allow-mismatch uses it)"));
  return std::nullopt;
}

std::optional<Figure> MeasuredDurations::per_event(const Scenario&, const Stage& st, double bytes,
                                                   const Attributes& a) const {
  const bool on = a.count("confidential_mode") && a.at("confidential_mode") == "on";
  if (auto f = find(st, bytes, a, on, false, true)) return f;
  // Nothing in the scenario's own state: say why, and with --allow-mismatch take the other.
  return find(st, bytes, a, on, allow_mismatch_, false);
}

std::optional<CcPair> MeasuredDurations::cc_pair(const Scenario&, const Stage& st, double bytes,
                                                 const Attributes& a) const {
  bool off_cc = false, on_cc = false;
  auto off = find(st, bytes, a, false, false, true, &off_cc);
  auto on = find(st, bytes, a, true, false, true, &on_cc);
  // Host work that confidential mode does not change has no pair to show.
  if (!off || !on || !off_cc || !on_cc) return std::nullopt;
  // A pair compares like with like: both states from the same probe.
  const auto probe = [](const Figure& f) { return f.source.substr(f.source.find(": ")); };
  if (probe(*off) != probe(*on)) return std::nullopt;
  return CcPair{*off, *on};
}

}  // namespace plainsight
