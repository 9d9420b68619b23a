#include "report/cell_reason.h"

#include <fmt/format.h>

#include "report/place_phrase.h"

namespace plainsight {

std::string cell_reason(const Catalog& c, const Place& place, const Window& w, const Cell& cell) {
  const Capability* cap = c.capability(cell.capability);
  const std::string name = cap ? cap->name : cell.capability;
  const std::string label = cell.rule ? cell.rule->label : cell.decided_by;
  std::string out;
  switch (cell.basis) {
    case CellBasis::out_of_reach: {
      const Medium* m = c.medium(w.medium);
      return fmt::format("{} does not reach {}", name, m ? m->name : w.medium);
    }
    case CellBasis::other_place:
      return fmt::format("{} does not reach {}: whose machine it is decides", name,
                         place_phrase(c, place));
    case CellBasis::metadata:
      return "sizes, endpoints, timing and names are visible whatever the encryption";
    case CellBasis::key_here:
      return fmt::format("gets the {} key here, not the bytes ({})", cell.extracts->key, label);
    case CellBasis::no_key_here:
      return fmt::format("{} gets keys, never the bytes, and no key worth having is here ({})",
                         name, label);
    case CellBasis::key_service:
      out = fmt::format("can have the key service decrypt ({})",
                        cell.custody ? cell.custody->name : cell.decided_by);
      break;
    case CellBasis::arrived_encrypted:
      out = fmt::format("encrypted before arrival ({}, {})", w.scheme,
                        cell.custody ? cell.custody->name : cell.decided_by);
      break;
    case CellBasis::rule_key_reader:
      out = "decrypts through the key service: " + label;
      break;
    case CellBasis::rule_blocks:
      out = label;
      break;
    case CellBasis::rule_patterns:
      out = label + (cell.rule && !cell.rule->note.empty() ? ": " + cell.rule->note : "");
      break;
    case CellBasis::rule_plaintext:
      out = label;
      if (cell.reduced)
        out += fmt::format("; reduced, not closed: only after it can {} (time to compromise {})",
                           cell.reduced->step, cell.reduced->ttc.text);
      break;
  }
  if (cell.decrypted_here) out = "decrypted here; " + out;
  if (cell.extracts) out += fmt::format("; and the {} key", cell.extracts->key);
  if (cell.side_channel) out += "; a side channel yields patterns, not the bytes";
  return out;
}

}  // namespace plainsight
