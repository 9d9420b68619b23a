#include "report/window_notes.h"

#include <set>

#include <fmt/format.h>

#include "analyze/window_basis.h"
#include "report/citation_phrase.h"
#include "report/escaping.h"
#include "report/phrases.h"
#include "report/window_table.h"

namespace plainsight {
namespace {

std::string fact_name(const Catalog& c, const BasisFact& f) {
  using K = BasisFact::Kind;
  switch (f.kind) {
    case K::protection:
      return "protection " + f.id;
    case K::derived:
      return "derived protection " + f.id;
    case K::custody:
      return "key custody " + f.id;
    case K::gpu:
      return "GPU " + f.id;
    case K::cpu_tee:
      return "CPU TEE " + f.id;
    case K::link:
      return "link " + f.id;
    case K::figure:
      return "figure " + f.id;
    case K::stated:
      return "the scenario's source for the protection of " + f.id;
    case K::reach: {
      const Capability* cap = c.capability(f.id);
      return (cap ? cap->name : f.id) + " reaching it";
    }
  }
  return f.id;
}

}  // namespace

std::vector<std::string> window_notes(const Analysis& a, std::size_t i) {
  const Catalog& c = *a.catalog;
  const Window& w = a.windows[i];
  const Stage& st = a.scenario.stages[i];
  std::vector<std::string> out;
  if (!st.state_label.empty() && !label_fits(st.state_label, w.state))
    out.push_back(fmt::format("the source's words \"{}\" no longer fit the analysed state ({})",
                              st.state_label, state_phrase(w)));
  for (const Stage::Correction& k : st.corrections)
    out.push_back(
        fmt::format("corrected: the scenario's document says {} [{}]; {} [{}] says "
                    "otherwise: {}{}",
                    citation_phrase(c, k.says), status_phrase(c, k.says), k.corrected_by.id,
                    status_phrase(c, k.corrected_by), citation_phrase(c, k.corrected_by),
                    k.note.empty() ? "" : " (" + k.note + ")"));
  if (w.derived)
    out.push_back(fmt::format(
        "the scenario states the protection '{}'{}; for this platform the catalog derives "
        "'{}' ({}) [{}]: the sources disagree; analyse the derived one with --set "
        "stages.{}.protection=derived",
        w.protection_id,
        st.protection_source ? " (" + citation_phrase(c, *st.protection_source) + ")" : "",
        w.derived->id, w.derived->label, status_phrase(c, w.derived->source), st.id));
  const std::vector<BasisFact> facts = window_basis(c, a.scenario, st, w);
  std::set<std::string> reach_status;
  for (const BasisFact& f : facts) {
    if (f.kind == BasisFact::Kind::reach) {
      if (f.source->status != Status::shipping)
        reach_status.insert(std::string(to_string(f.source->status)) + " (" + f.source->id + ")");
      continue;
    }
    // Said above with the disagreement, with their statuses.
    if (f.kind == BasisFact::Kind::derived || (f.kind == BasisFact::Kind::stated && w.derived))
      continue;
    if (f.source->status != Status::shipping) {
      std::string line = fmt::format("rests on {}: {} [{}]", fact_name(c, f),
                                     citation_phrase(c, *f.source), status_phrase(c, *f.source));
      if (f.cited)
        for (const Citation& k : f.cited->also)
          line += fmt::format("; also {} [{}]", citation_phrase(c, k), status_phrase(c, k));
      out.push_back(std::move(line));
    }
    if (f.cited)
      for (const Citation& d : f.cited->disputed_by)
        out.push_back(fmt::format("disputed: {} rests on {} [{}]; {} [{}] says otherwise: {}",
                                  fact_name(c, f), f.source->id, status_phrase(c, *f.source), d.id,
                                  status_phrase(c, d), citation_phrase(c, d)));
  }
  if (!reach_status.empty())
    out.push_back(fmt::format("who reaches it rests on: {}",
                              fmt::join(reach_status.begin(), reach_status.end(), "; ")));
  for (const Cell& cell : w.cells) {
    const Capability* cap = c.capability(cell.capability);
    const std::string name = cap ? cap->name : cell.capability;
    if (cell.reduced && cell.access == Access::plaintext)
      out.push_back(
          fmt::format("reduced, not closed: {} reads it only after it can {} (time to "
                      "compromise {}) [{}]",
                      name, cell.reduced->step, cell.reduced->ttc.text,
                      status_phrase(c, cell.reduced->source)));
    if (cell.extracts)
      out.push_back(fmt::format("{} gets the {} key here: {} [{}]", name, cell.extracts->key,
                                citation_phrase(c, cell.extracts->source),
                                status_phrase(c, cell.extracts->source)));
  }
  if (w.decrypts_nothing)
    out.push_back(
        "'decrypts' is set but nothing encrypted arrives here: the bytes are held as the medium "
        "holds them for the whole window");
  if (w.rule && !w.rule->note.empty() && w.protection_id == w.rule->id) out.push_back(w.rule->note);
  if (auto m = st.attributes.find("metadata"); m != st.attributes.end())
    out.push_back("metadata visible to whoever runs or watches it: " + m->second);
  return out;
}

void notes_plain(std::ostream& out, const Analysis& a) {
  bool any = false;
  for (std::size_t i : table_order(a))
    for (const std::string& n : window_notes(a, i)) {
      if (!any) out << "\nNotes:\n";
      any = true;
      out << fmt::format("  {}: {}\n", name_phrase(a.windows[i]), n);
    }
}

void notes_markdown(std::ostream& out, const Analysis& a) {
  bool any = false;
  for (std::size_t i : table_order(a)) {
    const std::vector<std::string> notes = window_notes(a, i);
    if (notes.empty()) continue;
    if (!any) out << "\n## Notes\n";
    any = true;
    out << fmt::format("\n**{}**\n\n", md_text(name_phrase(a.windows[i])));
    for (const std::string& n : notes) out << "- " << md_text(n) << "\n";
  }
}

std::string rests_on_phrase(const Analysis& a, std::size_t i) {
  const RowStatus r =
      row_status(window_basis(*a.catalog, a.scenario, a.scenario.stages[i], a.windows[i]));
  return std::string(to_string(r.weakest)) + (r.disputed ? "; disputed" : "");
}

std::string readers_phrase(const Analysis& a, const Window& w) {
  // The window's index, for the threat analysis's marks (w is one of a.windows).
  const std::size_t i = static_cast<std::size_t>(&w - a.windows.data());
  const bool marked = a.threat.computed && i < a.windows.size();
  std::string out, released;
  for (std::size_t k = 0; k < w.cells.size(); ++k) {
    const Cell& cell = w.cells[k];
    const FullCopyRoute* r = marked ? a.threat.route(i, k) : nullptr;
    const Capability* cap = a.catalog->capability(cell.capability);
    std::string name = cap ? cap->name : cell.capability;
    if (cell.access == Access::plaintext && cell.reduced) name += " (reduced)";
    if (r && r->deciding) name += " [decides]";
    if (cell.access == Access::plaintext)
      out += (out.empty() ? "" : ", ") + name;
    else if (r && r->released_key)
      released += (released.empty() ? "" : ", ") + name;
  }
  if (!released.empty())
    out = (out.empty() ? "none in plaintext" : out) + "; through a released key: " + released;
  return out.empty() ? "none" : out;
}

}  // namespace plainsight
