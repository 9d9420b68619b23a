#include "core/provenance.h"

namespace plainsight {

std::string_view to_string(Provenance p) { return kProvenanceNames[static_cast<int>(p)]; }

bool parse_provenance(std::string_view text, Provenance* out) {
  for (std::size_t i = 0; i < kProvenanceNames.size(); ++i)
    if (kProvenanceNames[i] == text) {
      *out = static_cast<Provenance>(i);
      return true;
    }
  return false;
}

}  // namespace plainsight
