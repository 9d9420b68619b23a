#include "load/scenario_sources.h"

#include <fmt/format.h>

#include "load/duplicate_id.h"
#include "load/source_reader.h"

namespace plainsight {

std::shared_ptr<const Catalog> read_scenario_sources(MapReader& r, const Catalog& catalog) {
  YamlNode list = r.optional_node("sources");
  if (!list) return nullptr;
  const std::vector<YamlNode> items = sequence_of(r.file(), list, "sources");
  if (items.empty()) return nullptr;
  auto own = std::make_shared<Catalog>(catalog);
  const std::size_t first_own = own->sources.size();
  for (const YamlNode& n : items) {
    MapReader sr(r.file(), n, "source");
    Source s = read_source(sr);
    // A citation names one document: an id the catalog has would make it ambiguous.
    if (const Source* known = catalog.source(s.id))
      throw InputError(sr.at_value("id"),
                       fmt::format("source '{}' is a catalog source ({}, \"{}\"): cite it as it "
                                   "is, or give the scenario's own document another id",
                                   s.id, known->where.str(), known->title));
    for (std::size_t i = first_own; i < own->sources.size(); ++i)
      if (own->sources[i].id == s.id)
        throw_duplicate_id("source", s.id,
                           {MapReader(r.file(), items[i - first_own], "source").at_value("id"),
                            own->sources[i].where.line},
                           {sr.at_value("id"), s.where.line});
    own->sources.push_back(std::move(s));
  }
  return own;
}

}  // namespace plainsight
