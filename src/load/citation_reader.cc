#include "load/citation_reader.h"

#include <fmt/format.h>

#include "core/ids.h"
#include "load/did_you_mean.h"

namespace plainsight {

Citation read_citation(const YamlFile& f, const YamlNode& node, const std::string& what,
                       const std::vector<Source>& sources) {
  MapReader r(f, node, what);
  r.allow(scenario_mapping("citation"));  // catalog files cite the same way
  Citation c;
  c.at = r.at();
  c.id = r.id("id");
  bool known = false;
  for (const Source& s : sources) known |= s.id == c.id;
  if (!known)
    throw InputError(r.at_value("id"), fmt::format("{}: unknown source '{}'{}", what, c.id,
                                                   did_you_mean(c.id, ids_of(sources))));
  const std::string status = r.str("status");
  if (!parse_status(status, &c.status))
    throw InputError(r.at_value("status"),
                     fmt::format("{}: unknown status '{}': expected shipping, announced, claimed, "
                                 "research or assumed",
                                 what, status));
  c.release = r.str_or("release", "");
  if (c.status == Status::shipping && c.release.empty())
    throw InputError(r.at(), fmt::format("{}: a shipping fact names the release or product it is "
                                         "documented for ('release')",
                                         what));
  c.where = r.str("where");
  if (r.has("quote") == r.has("paraphrase"))
    throw InputError(r.at(), fmt::format("{}: give the sentence the fact rests on as exactly one "
                                         "of 'quote' (verbatim) or 'paraphrase'",
                                         what));
  c.verbatim = r.has("quote");
  c.says = r.str(c.verbatim ? "quote" : "paraphrase");
  if (c.says.empty() || c.where.empty())
    throw InputError(r.at(), fmt::format("{}: 'where' and the sentence must not be empty", what));
  return c;
}

Cited read_cited(MapReader& r, const std::string& what, const std::vector<Source>& sources) {
  Cited out;
  out.source = read_citation(r.file(), r.node("source"), what + " source", sources);
  for (const char* key : {"also", "disputed_by"})
    if (YamlNode list = r.optional_node(key)) {
      std::vector<Citation>& into = std::string_view(key) == "also" ? out.also : out.disputed_by;
      for (const YamlNode& n : sequence_of(r.file(), list, what + " " + key))
        into.push_back(read_citation(r.file(), n, what + " " + key, sources));
    }
  return out;
}

}  // namespace plainsight
