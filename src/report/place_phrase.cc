#include "report/place_phrase.h"

#include <fmt/format.h>

namespace plainsight {

std::string_view place_kind_words(std::string_view kind) {
  if (kind == "compute_host") return "compute host";
  if (kind == "managed_service") return "managed service";
  if (kind == "storage_server") return "storage server";
  if (kind == "relay") return "relay";
  if (kind == "site") return "site";
  if (kind == "client") return "client";
  if (kind == "network") return "network";
  return kind;
}

std::string operator_words(const Place& p) {
  if (p.operator_role == "public") return "no one (public)";
  // A name the scenario gave ("Partner A"), or the provider's; the loader's default (the
  // place's own name, which keeps two partners' places apart) says only who in words.
  if (!p.operator_name.empty() && p.operator_name != p.name) return p.operator_name;
  if (p.operator_role == "us") return "us";
  return "a " + p.operator_role;
}

std::string place_phrase(const Catalog& c, const Place& p) {
  if (p.implicit) return "";
  std::string out =
      fmt::format("{} ({} run by {}", p.name, place_kind_words(p.kind), operator_words(p));
  if (p.hardware != p.operator_role) {
    const Offering* o = c.offering(p.offering);
    out += fmt::format(" on {}'s hardware",
                       o && !o->provider_name.empty() ? o->provider_name : "a " + p.hardware);
  }
  if (p.access == "attested") out += ", attested image, no login";
  return out + ")";
}

}  // namespace plainsight
