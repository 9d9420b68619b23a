#include "analyze/windows.h"

#include <fmt/format.h>

#include "analyze/attributes.h"
#include "analyze/content.h"
#include "analyze/durations.h"
#include "analyze/exposure_cell.h"
#include "analyze/protection.h"

namespace plainsight {
namespace {

Figure event_duration(const Catalog& c, const Scenario& s, const Stage& st, const Attributes& attrs,
                      const AnalyzeOptions& o) {
  if (o.measured)
    if (auto f = o.measured->per_event(s, st, s.stage_bytes(st), attrs)) return *f;
  return catalog_duration(c, s, st, *st.duration);
}

}  // namespace

std::vector<Window> compute_windows(const Catalog& c, const Scenario& s, const AnalyzeOptions& o) {
  std::vector<Content> arriving = propagate_content(s, &c);
  std::vector<Window> out;
  out.reserve(s.stages.size());
  for (std::size_t i = 0; i < s.stages.size(); ++i) {
    const Stage& st = s.stages[i];
    const Content& in = arriving[i];
    const Attributes attrs = stage_attributes(c, s.platform, st);
    const ProtectionRule& rule = select_protection(c, st.medium, attrs);

    Window w;
    w.stage = st.id;
    w.name = st.name;
    w.location = st.location;
    w.medium = st.medium;
    w.bytes = s.stage_bytes(st);
    w.resident = st.resident;
    w.events = st.events;
    w.event_period_s = st.event_period_s;

    Figure event = st.duration ? event_duration(c, s, st, attrs, o) : Figure{};
    Figure life = st.resident ? lifetime_figure(s, st) : Figure{};
    w.resident_s = st.resident ? life.value : 0;
    // A stage that holds a blob and decrypts it per event: its window is the decrypt. Where
    // nothing encrypted arrives there is nothing to decrypt: the bytes stay as the medium
    // holds them for the whole residence.
    const bool decrypt_window = st.decrypts && st.duration && in.encrypted;
    w.per_event = st.resident && !decrypt_window ? life : event;
    if (o.measured && st.duration) w.cc = o.measured->cc_pair(s, st, w.bytes, attrs);

    if (in.encrypted && !st.decrypts) {
      w.state = State::ciphertext;
      const PlatformOption* k = Catalog::find(c.key_custodies, in.custody);
      w.protection = fmt::format("{} ({})", in.scheme, k ? k->name : in.custody);
      w.protection_id = in.custody;
      w.plaintext_per_event = {0, w.per_event.provenance, w.per_event.source,
                               "never plaintext here"};
    } else if (in.encrypted && st.decrypts) {
      w.state = State::ciphertext_then_plaintext;
      w.protection = fmt::format("{} blob; decrypted here under: {}", in.scheme, rule.label);
      w.protection_id = rule.id;
      w.plaintext_per_event = st.duration ? event : life;
    } else {
      w.state = rule.state;
      w.protection = rule.label;
      w.qualifier = rule.qualifier;
      w.protection_id = rule.id;
      const bool plain = rule.state == State::plaintext;
      w.plaintext_per_event = plain ? w.per_event
                                    : Figure{0, w.per_event.provenance, w.per_event.source,
                                             "held as " + std::string(to_string(rule.state))};
      if (st.decrypts) {
        w.notes.push_back(
            "'decrypts' is set but nothing encrypted arrives here: the bytes are held as the "
            "medium holds them for the whole window");
        // The events were decrypts of one resident blob, not separate residences.
        if (st.resident && st.duration) w.events = 1, w.event_period_s = 0;
      }
    }
    w.plaintext_total_s = w.plaintext_per_event.value * w.events;
    w.plaintext_coverage_s =
        coverage(w.plaintext_per_event.value, w.events, w.event_period_s, s.horizon_s);
    if (!rule.note.empty() && w.protection_id == rule.id) w.notes.push_back(rule.note);
    if (auto m = st.attributes.find("metadata"); m != st.attributes.end())
      w.notes.push_back("metadata visible to whoever runs or watches it: " + m->second);

    for (const Capability& cap : c.capabilities)
      w.cells.push_back(exposure_cell(c, cap, st, in, rule));
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace plainsight
