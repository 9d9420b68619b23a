#include "load/source_reader.h"

#include "load/scenario_keys.h"

namespace plainsight {

Source read_source(MapReader& r) {
  r.allow(scenario_mapping("source"));
  Source s;
  s.id = r.id("id");
  // Shown inside report lines and table cells: one line each.
  s.title = r.name("title");
  s.publisher = r.name("publisher");
  s.url = r.str("url");
  s.date = r.name("date");
  s.read = r.str_or("read", "");
  s.where = r.at();
  return s;
}

}  // namespace plainsight
