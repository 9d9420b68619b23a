// CSV: one row per window with machine-readable numbers (bytes, seconds).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "report/phrases.h"
#include "report/render.h"
#include "report/window_notes.h"

namespace plainsight {
namespace {
std::string q(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}
}  // namespace

void render_csv(std::ostream& out, const Analysis& a) {
  out << "stage,name,location,medium,state,protection,bytes,resident,per_event_s,provenance,source,"
         "events,plaintext_per_event_s,plaintext_total_s,plaintext_coverage_s,plaintext_readers,"
         "cc_off_s,cc_on_s,cc_ratio,rests_on,notes\n";
  for (std::size_t i = 0; i < a.windows.size(); ++i) {
    const Window& w = a.windows[i];
    std::string readers;
    for (const auto& r : w.plaintext_readers()) readers += (readers.empty() ? "" : ";") + r;
    out << fmt::format(
        "{},{},{},{},{},{},{:.17g},{},{:.17g},{},{},{:.17g},{:.17g},{:.17g},{:.17g},{},{},{},{}\n",
        q(w.stage), q(w.name), q(w.location), q(w.medium), to_string(w.state),
        q(protection_phrase(w)), w.bytes, w.resident ? "true" : "false", w.per_event.value,
        to_string(w.per_event.provenance), q(w.per_event.source), w.events,
        w.plaintext_per_event.value, w.plaintext_total_s, w.plaintext_coverage_s, q(readers),
        // CC off and on where both were measured; empty otherwise.
        w.cc
            ? fmt::format("{:.17g},{:.17g},{:.17g}", w.cc->off.value, w.cc->on.value, w.cc->ratio())
            : std::string(",,"),
        q(rests_on_phrase(a, i)), q(fmt::format("{}", fmt::join(window_notes(a, i), " | "))));
  }
}

}  // namespace plainsight
