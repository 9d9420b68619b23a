// CSV: one row per window with machine-readable numbers (bytes, seconds), each the shortest
// text that reads back as the same double; text fields neutralised against formulas.
#include <filesystem>

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
namespace {

// A figure's source, with a file path in it relative to the scenario's folder: the CSV is
// read where the scenario is, not on the machine that wrote it ("silo-hopper.yaml:41:5",
// never "/home/me/work/scenarios/silo-hopper.yaml:41:5").
std::string relative_source(const std::string& source, const std::string& scenario_file) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path folder = fs::absolute(fs::path(scenario_file), ec).parent_path();
  // "path:line:col" or a path alone; only what names an existing file is rewritten.
  std::string path = source, rest;
  for (int k = 0; k < 2; ++k) {
    const std::size_t colon = path.rfind(':');
    if (colon == std::string::npos ||
        path.find_first_not_of("0123456789", colon + 1) != std::string::npos ||
        colon + 1 == path.size())
      break;
    rest = path.substr(colon) + rest;
    path.resize(colon);
  }
  if (ec || path.empty() || !fs::is_regular_file(path, ec)) return source;
  const fs::path rel = fs::absolute(path, ec).lexically_normal().lexically_relative(folder);
  return ec || rel.empty() ? source : rel.generic_string() + rest;
}

}  // namespace

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
        to_string(w.per_event.provenance),
        csv_field(relative_source(w.per_event.source, a.scenario.file)), n(w.events),
        n(w.plaintext_per_event.value), n(w.plaintext_total_s), n(w.plaintext_coverage_s),
        csv_field(readers),
        // CC off and on where both were measured (and the pair not refused); empty otherwise.
        w.cc && !w.cc->refused
            ? fmt::format("{},{},{}", n(w.cc->off.value), n(w.cc->on.value), n(w.cc->ratio()))
            : std::string(",,"),
        csv_field(rests_on_phrase(a, i)),
        csv_field(fmt::format("{}", fmt::join(window_notes(a, i), " | "))), w.replicas,
        csv_field(place.id), place.operator_role, csv_field(operator_words(place)),
        csv_field(window_tracking(a, i)));
  }
}

}  // namespace plainsight
