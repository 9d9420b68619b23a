// CSV: one row per window with machine-readable numbers (bytes, seconds), each the shortest
// text that reads back as the same double; text fields neutralised against formulas.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "report/escaping.h"
#include "report/findings_section.h"
#include "report/phrases.h"
#include "report/place_phrase.h"
#include "report/render.h"
#include "report/verdict_phrase.h"
#include "report/window_notes.h"

namespace plainsight {

void render_csv(std::ostream& out, const Analysis& a) {
  out << "stage,name,location,medium,state,protection,bytes,resident,resident_s,per_event_s,"
         "provenance,source,events,plaintext_per_event_s,plaintext_total_s,plaintext_coverage_s,"
         "plaintext_readers,cc_off_s,cc_on_s,cc_ratio,rests_on,notes,replicas,place,operator,"
         "operator_name,row,risk_tracking\n";
  // The verdict first, as a row of its own (row=verdict): the headline in `name`, pass or
  // fail in `state`, its items in `notes`; every other column empty.
  if (const VerdictText v = verdict_text(a); !v.headline.empty()) {
    std::string items;
    for (const VerdictItem& i : v.items)
      items += (items.empty() ? "" : " | ") + i.label + ": " + i.text;
    out << fmt::format(",{},,,{},,,,,,,,,,,,,,,,,{},,,,,verdict,\n", csv_field(v.headline),
                       v.outcome, csv_field(items));
  }
  const auto n = [](double x) { return csv_number(x); };
  for (std::size_t i = 0; i < a.windows.size(); ++i) {
    const Window& w = a.windows[i];
    std::string readers;
    for (const auto& r : w.plaintext_readers()) readers += (readers.empty() ? "" : ";") + r;
    const Place& place = a.scenario.places[w.place];
    out << fmt::format(
        "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},window,{}\n",
        csv_field(w.stage), csv_field(w.name), csv_field(w.location), csv_field(w.medium),
        to_string(w.state), csv_field(protection_phrase(w)), n(w.bytes),
        w.resident ? "true" : "false",
        // How long the bytes stay, whatever their state: a decrypting stage's
        // blob residence; empty where the stage is not resident.
        w.resident_s > 0 ? n(w.resident_s) : "", n(w.per_event.value),
        to_string(w.per_event.provenance), csv_field(w.per_event.source), n(w.events),
        n(w.plaintext_per_event.value), n(w.plaintext_total_s), n(w.plaintext_coverage_s),
        csv_field(readers),
        // CC off and on where both were measured (and the pair not refused); empty otherwise.
        w.cc && w.cc->refused.empty()
            ? fmt::format("{},{},{}", n(w.cc->off.value), n(w.cc->on.value), n(w.cc->ratio()))
            : std::string(",,"),
        csv_field(rests_on_phrase(a, i)),
        csv_field(fmt::format("{}", fmt::join(window_notes(a, i), " | "))), w.replicas,
        csv_field(place.id), place.operator_role, csv_field(operator_words(place)),
        csv_field(window_tracking(a, i)));
  }
}

}  // namespace plainsight
