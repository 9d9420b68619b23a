// SARIF 2.1.0: one finding per (stage, capability) where the capability reads plaintext,
// located at the stage's line in the scenario, so code-scanning tools can gate on it.
#include <nlohmann/json.hpp>

#include "build_info.h"
#include "core/quantity.h"
#include "report/cell_reason.h"
#include "report/json_stream.h"
#include "report/render.h"

namespace plainsight {

// One result per plaintext cell: at cluster scale that is most of the matrix, so results
// are written one at a time into the document rather than collected first.
void render_sarif(std::ostream& out, const Analysis& a) {
  using json = nlohmann::ordered_json;
  json rules = json::array();
  for (const Capability& c : a.catalog->capabilities)
    rules.push_back(
        {{"id", "plaintext/" + c.id},
         {"name", "PlaintextReadableBy_" + c.id},
         {"shortDescription", {{"text", "Weights readable in plaintext by: " + c.name}}},
         {"fullDescription", {{"text", c.description}}},
         {"properties", {{"capability", c.id}, {"source", c.source.id}}}});
  JsonStream js(out);
  js.begin_object();
  js.member("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
  js.member("version", "2.1.0");
  js.key("runs");
  js.begin_array();
  js.begin_object();
  js.member("tool", {{"driver",
                      {{"name", "plainsight"},
                       {"version", PLAINSIGHT_VERSION},
                       {"informationUri", "https://example.invalid/plainsight"},
                       {"rules", rules}}}});
  js.key("results");
  js.begin_array();
  for (const Window& w : a.windows) {
    const Stage* st = a.scenario.stage(w.stage);
    for (const Cell& cell : w.cells) {
      if (cell.access != Access::plaintext) continue;
      json loc = {{"physicalLocation",
                   {{"artifactLocation", {{"uri", a.scenario.file}}},
                    {"region",
                     {{"startLine", st && st->where.line > 0 ? st->where.line : 1},
                      {"startColumn", st && st->where.column > 0 ? st->where.column : 1}}}}},
                  {"logicalLocations", json::array({{{"name", w.stage}, {"kind", "stage"}}})}};
      js.value({{"ruleId", "plaintext/" + cell.capability},
                {"level", w.resident ? "error" : "warning"},
                {"message",
                 {{"text", w.name + " (" + w.location + "): plaintext for " +
                               format_duration(w.plaintext_total_s) + " over the horizon; " +
                               cell_reason(*a.catalog, w, cell)}}},
                {"locations", json::array({loc})},
                {"properties",
                 {{"stage", w.stage},
                  {"decided_by", cell.decided_by},
                  {"plaintext_total_s", w.plaintext_total_s},
                  {"provenance", std::string(to_string(w.per_event.provenance))}}}});
    }
  }
  js.end();
  js.end();
  js.end();
  js.end();
  out.put('\n');
}

}  // namespace plainsight
