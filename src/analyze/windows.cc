#include "analyze/windows.h"

#include <cmath>
#include <map>
#include <optional>
#include <tuple>

#include <fmt/format.h>

#include "analyze/attributes.h"
#include "analyze/content.h"
#include "analyze/durations.h"
#include "analyze/exposure_cell.h"
#include "analyze/parallel.h"
#include "analyze/protection.h"
#include "core/limits.h"
#include "core/quantity.h"

namespace plainsight {
namespace {

// A cluster repeats a handful of stage kinds many thousand times. What a stage's medium,
// link and attributes decide (rule attributes, the protection rule) and what the rule and
// the arriving content decide (the exposure-matrix row) is computed once per kind.
class StageKinds {
 public:
  StageKinds(const Catalog& c, const Platform& p, const Place& place)
      : c_(c), p_(p), place_(place) {}

  struct Decided {
    Attributes attributes;
    const ProtectionRule* rule;
    const ProtectionRule* derived;  // what the catalog derives, when the stage states another
  };
  const Decided& decided(const Stage& st) {
    auto key = std::tie(st.medium, st.link, st.attributes, st.stated_protection);
    auto it = decided_.find(key);
    if (it != decided_.end()) return it->second;
    Attributes a = stage_attributes(c_, p_, place_, st);
    const ProtectionRule* derived = &select_protection(c_, st.medium, a);
    const ProtectionRule* rule = st.stated_protection.empty()
                                     ? derived
                                     : Catalog::find(c_.protections, st.stated_protection);
    return decided_
        .emplace(StageKey{st.medium, st.link, st.attributes, st.stated_protection},
                 Decided{std::move(a), rule, rule == derived ? nullptr : derived})
        .first->second;
  }

  // A stage's per-event duration from the catalog or the probe results. Catalog figures for
  // a link or a published figure depend on the bytes alone and are computed once.
  // The probe results decide against the catalog's figure, which they may replace.
  Figure event(const Scenario& s, const Stage& st, const Attributes& attrs,
               const AnalyzeOptions& o) {
    const double bytes = s.stage_bytes(st);
    const Figure& catalog = catalog_event(s, st, bytes);
    if (!o.measured) return catalog;
    DurationDecision d = o.measured->decide(s, st, bytes, attrs, catalog);
    if (o.log) o.log->add(d);
    return std::move(d.figure);
  }

  const Figure& catalog_event(const Scenario& s, const Stage& st, double bytes) {
    const DurationSpec& spec = *st.duration;
    if (spec.kind == DurationSpec::Kind::stated ||
        spec.kind == DurationSpec::Kind::stated_bandwidth) {
      // Cites the stage's own line: nothing to share.
      stated_ = catalog_duration(c_, s, st, spec);
      return stated_;
    }
    auto key = std::tie(spec.kind, spec.link, spec.capacity_bytes, spec.figure, bytes);
    auto it = durations_.find(key);
    if (it == durations_.end())
      it = durations_
               .emplace(DurationKey{spec.kind, spec.link, spec.capacity_bytes, spec.figure, bytes},
                        catalog_duration(c_, s, st, spec))
               .first;
    return it->second;
  }

  const CellRow& cells(const Stage& st, const Content& in, const ProtectionRule& rule) {
    const ProtectionRule* r = &rule;
    auto key = std::tie(r, st.medium, st.decrypts, in.encrypted, in.custody, in.scheme);
    auto it = rows_.find(key);
    if (it != rows_.end()) return it->second;
    std::vector<Cell> row;
    row.reserve(c_.capabilities.size());
    for (const Capability& cap : c_.capabilities)
      row.push_back(exposure_cell(c_, cap, st, in, rule, place_.attributes));
    return rows_
        .emplace(RowKey{r, st.medium, st.decrypts, in.encrypted, in.custody, in.scheme},
                 CellRow(std::move(row)))
        .first->second;
  }

 private:
  using StageKey =
      std::tuple<std::string, std::string, std::map<std::string, std::string>, std::string>;
  using RowKey =
      std::tuple<const ProtectionRule*, std::string, bool, bool, std::string, std::string>;
  using DurationKey = std::tuple<DurationSpec::Kind, std::string, double, std::string, double>;
  const Catalog& c_;
  const Platform& p_;
  const Place& place_;
  std::map<StageKey, Decided, std::less<>> decided_;
  std::map<RowKey, CellRow, std::less<>> rows_;
  std::map<DurationKey, Figure, std::less<>> durations_;
  Figure stated_;  // the last stage's own stated figure
};

// Each input is checked on its own (sizes, bandwidths, probe times); their combination (an
// exabyte over a slow link, a probe fit extrapolated far) can still make a window no report
// should print ("inf y", "-nan ns"). Refused at the stage's duration, with what made it.
void check_window(const Window& w, const Stage& st) {
  const double d = w.per_event.value;
  if (std::isfinite(d) && d >= 0 && d <= kMaxSeconds && std::isfinite(w.bytes) && w.bytes >= 0)
    return;
  const SourceLocation& at = st.duration ? st.duration->where : st.where;
  const Figure& f = w.per_event;
  // What made it: the probe result's source, or the bytes over the bandwidth.
  const std::string how = f.probe ? " (" + f.source + ")"
                          : f.how.bandwidth_Bps > 0
                              ? fmt::format(" ({} / {})", format_bytes(f.how.bytes),
                                            format_bandwidth(f.how.bandwidth_Bps))
                              : "";
  if (!std::isfinite(d) || d < 0)
    throw InputError(at, fmt::format("stage '{}': the window per event is not a duration ({}){}",
                                     st.id, d, how));
  if (d > kMaxSeconds)
    throw InputError(at, fmt::format("stage '{}': a window of {:.3g} s per event{} is beyond any "
                                     "plausible duration (the limit is {})",
                                     st.id, d, how, format_duration(kMaxSeconds)));
  throw InputError(at, fmt::format("stage '{}': {} bytes is not a size", st.id, w.bytes));
}

// What stages of one kind decided, per place (its platform and who runs it). Made when first
// needed: a cluster has a few classes of places, an inventory thousands.
class KindsByPlace {
 public:
  KindsByPlace(const Catalog& c, const Scenario& s, const PlatformSet& p)
      : c_(c), s_(s), p_(p), kinds_(s.places.size()) {}
  StageKinds& of(const Stage& st) {
    auto& k = kinds_[st.place];
    if (!k) k.emplace(c_, p_.of(st.place), s_.places[st.place]);
    return *k;
  }

 private:
  const Catalog& c_;
  const Scenario& s_;
  const PlatformSet& p_;
  std::vector<std::optional<StageKinds>> kinds_;
};

// One stage's window; `kinds` carries what earlier stages of the same kind decided.
void fill_window(Window& w, const Catalog& c, const Scenario& s, const Stage& st, const Content& in,
                 StageKinds& kinds, const AnalyzeOptions& o) {
  using K = Derivation::Kind;
  const StageKinds::Decided& decided = kinds.decided(st);
  const Attributes& attrs = decided.attributes;
  const ProtectionRule& rule = *decided.rule;
  w.derived = decided.derived;
  w.rule = &rule;

  w.stage = st.id;
  w.place = static_cast<std::size_t>(st.place);
  w.replicas = st.replicas;
  w.name = st.name;
  w.location = st.location;
  // A stage the scenario does not place (a generated cluster's) is where its link or medium
  // is: never an empty cell.
  if (w.location.empty()) {
    if (const Link* l = c.link(st.link))
      w.location = l->name;
    else if (const Medium* m = Catalog::find(c.media, st.medium))
      w.location = m->name;
  }
  w.medium = st.medium;
  w.bytes = s.stage_bytes(st);
  w.resident = st.resident;
  w.events = st.events;
  w.event_period_s = st.event_period_s;

  Figure event = st.duration ? kinds.event(s, st, attrs, o) : Figure{};
  Figure life = st.resident ? lifetime_figure(s, st) : Figure{};
  w.resident_s = st.resident ? life.value : 0;
  // A stage that holds a blob and decrypts it per event: its window is the decrypt. Where
  // nothing encrypted arrives there is nothing to decrypt: the bytes stay as the medium
  // holds them for the whole residence.
  const bool decrypt_window = st.decrypts && st.duration && in.encrypted;
  w.per_event = st.resident && !decrypt_window ? life : event;
  if (o.measured && st.duration)
    if (auto pair = o.measured->cc_pair(s, st, w.bytes, attrs))
      w.cc = std::make_shared<const CcPair>(*pair);

  // Plaintext per event where the bytes are never plaintext: zero, with the window's own
  // provenance and source, and why.
  auto none = [&](K why, State held) {
    Figure f{0, w.per_event.provenance, w.per_event.source, {}};
    f.how.kind = why;
    f.how.state = held;
    return f;
  };
  if (in.encrypted) {
    w.custody = Catalog::find(c.key_custodies, in.custody);
    w.scheme = in.scheme;
  }
  if (in.encrypted && !st.decrypts) {
    w.state = State::ciphertext;
    w.decided = Window::Decided::arrived_encrypted;
    w.protection_id = in.custody;
    w.plaintext_per_event = none(K::never_plaintext, State::ciphertext);
  } else if (in.encrypted && st.decrypts) {
    w.state = State::ciphertext_then_plaintext;
    w.decided = Window::Decided::decrypted_here;
    w.protection_id = rule.id;
    w.plaintext_per_event = st.duration ? event : life;
  } else {
    w.state = rule.state;
    w.decided = Window::Decided::rule;
    w.protection_id = rule.id;
    w.plaintext_per_event =
        rule.state == State::plaintext ? w.per_event : none(K::held_encrypted, rule.state);
    if (st.decrypts) {
      w.decrypts_nothing = true;
      // The events were decrypts of one resident blob, not separate residences.
      if (st.resident && st.duration) w.events = 1, w.event_period_s = 0;
    }
  }
  w.plaintext_total_s = w.plaintext_per_event.value * w.events;
  w.plaintext_coverage_s =
      coverage(w.plaintext_per_event.value, w.events, w.event_period_s, s.horizon_s);

  w.cells = kinds.cells(st, in, rule);
  check_window(w, st);
}

}  // namespace

std::vector<Window> compute_windows(const Catalog& c, const Scenario& s, const AnalyzeOptions& o) {
  std::vector<Window> out;
  compute_windows_into(out, c, s, o);
  return out;
}

void compute_windows_into(std::vector<Window>& out, const Catalog& c, const Scenario& s,
                          const AnalyzeOptions& o) {
  std::vector<Content> propagated;
  if (!o.arriving) propagated = propagate_content(s, &c);
  const std::vector<Content>& arriving = o.arriving ? *o.arriving : propagated;
  PlatformSet own;
  if (!o.platforms) own = s.platforms();
  const PlatformSet& platforms = o.platforms ? *o.platforms : own;
  const std::size_t n = s.stages.size();
  // Probe results note warnings in the order they arise: measured runs stay serial so
  // that order never depends on the threads.
  const unsigned threads = o.measured || n < kParallelMinStages ? 1 : thread_count(o.threads, n);
  out.clear();
  out.resize(n);
  parallel_for(
      threads,
      [&](std::size_t t) {
        KindsByPlace kinds(c, s, platforms);
        for (std::size_t i = t * n / threads; i < (t + 1) * n / threads; ++i)
          fill_window(out[i], c, s, s.stages[i], arriving[i], kinds.of(s.stages[i]), o);
      },
      threads);
}

}  // namespace plainsight
