#include "report/places_section.h"

#include <fmt/format.h>

#include "analyze/trust_boundaries.h"
#include "core/quantity.h"
#include "report/escaping.h"
#include "report/place_phrase.h"

namespace plainsight {

bool has_places(const Analysis& a) {
  for (const Place& p : a.scenario.places)
    if (!p.implicit) return true;
  return false;
}

TextTable places_table(const Analysis& a) {
  const Catalog& c = *a.catalog;
  const Scenario& s = a.scenario;
  TextTable t;
  t.header = {"Place", "What", "Run by", "Hardware", "Offering", "Count", "Stages"};
  std::vector<std::size_t> stages(s.places.size(), 0);
  for (const Stage& st : s.stages) ++stages[st.place];
  for (std::size_t i = 0; i < s.places.size(); ++i) {
    const Place& p = s.places[i];
    const Offering* o = c.offering(p.offering);
    std::string what(place_kind_words(p.kind));
    if (p.access == "attested") what += ", attested image, no login";
    const std::string hardware =
        p.hardware == p.operator_role
            ? "the same"
            : (o && !o->provider_name.empty() ? o->provider_name : "a " + p.hardware);
    // The role in brackets where the words are a name ("Microsoft Azure (provider)").
    const std::string who = operator_words(p);
    const bool named = who != "us" && who != "no one (public)" && who != "a " + p.operator_role;
    t.rows.push_back({p.implicit ? "(the scenario's platform)" : p.name, what,
                      named ? fmt::format("{} ({})", who, p.operator_role) : who, hardware,
                      o ? o->name : "custom", format_count(static_cast<double>(p.count)),
                      std::to_string(stages[i])});
  }
  return t;
}

std::vector<std::string> boundary_lines(const Analysis& a) {
  const Scenario& s = a.scenario;
  std::vector<std::string> out;
  for (const TrustBoundary& b : trust_boundaries(s)) {
    const Flow& f = s.flows[b.flow];
    const Place& from = s.places[b.from_place];
    const Place& to = s.places[b.to_place];
    std::string line = fmt::format("{} -> {} ({} -> {})", from.name, to.name, f.from, f.to);
    if (b.other_operator)
      line += fmt::format(": from {} to {}, another trust domain", operator_words(from),
                          operator_words(to));
    if (f.encrypts) line += fmt::format("; encrypted ({})", f.scheme);
    out.push_back(std::move(line));
  }
  return out;
}

void places_plain(std::ostream& out, const Analysis& a) {
  if (!has_places(a)) return;
  out << "\nPlaces (whose machine each stage is on):\n\n";
  places_table(a).write_plain(out);
  const std::vector<std::string> lines = boundary_lines(a);
  if (lines.empty()) return;
  out << "\nTrust boundaries (flows from one place to another):\n";
  for (const std::string& l : lines) out << "  " << l << '\n';
}

void places_markdown(std::ostream& out, const Analysis& a) {
  if (!has_places(a)) return;
  out << "\n## Places (whose machine each stage is on)\n\n";
  const TextTable t = places_table(a);
  TextTable::markdown_header(out, t.header);
  for (const auto& row : t.rows) TextTable::markdown_row(out, row);
  const std::vector<std::string> lines = boundary_lines(a);
  if (lines.empty()) return;
  out << "\n### Trust boundaries\n\n";
  for (const std::string& l : lines) out << "- " << md_text(l) << '\n';
}

}  // namespace plainsight
