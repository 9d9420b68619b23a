// JSON, described by docs/report.schema.json. Keys keep insertion order for stable output.
#include <nlohmann/json.hpp>

#include "build_info.h"
#include "report/phrases.h"
#include "report/render.h"
#include "report/threat_section.h"

namespace plainsight {
namespace {

using json = nlohmann::ordered_json;

json figure_json(const Figure& f) {
  return {{"value", f.value},
          {"provenance", to_string(f.provenance)},
          {"source", f.source},
          {"detail", f.detail}};
}

}  // namespace

std::string render_json(const Analysis& a) {
  const Scenario& s = a.scenario;
  json j;
  j["format"] = "plainsight-report/1";
  j["tool"] = {{"name", "plainsight"}, {"version", PLAINSIGHT_VERSION}};
  j["scenario"] = {{"name", s.name},     {"file", s.file},           {"description", s.description},
                   {"source", s.source}, {"horizon_s", s.horizon_s}, {"overrides", a.overrides}};
  j["asset"] = {{"name", s.asset.name},
                {"parameters", s.asset.parameters},
                {"bytes_per_parameter", s.asset.bytes_per_parameter},
                {"optimizer_bytes_per_parameter", s.asset.optimizer_bytes_per_parameter},
                {"weights_bytes", s.asset.weights_bytes()},
                {"checkpoint_bytes", s.asset.checkpoint_bytes()}};
  json le = json::object();
  for (const auto& [m, on] : s.platform.link_encryption) le[m] = on;
  j["platform"] = {{"gpu", s.platform.gpu},
                   {"gpus_per_node", s.platform.gpus_per_node},
                   {"nodes", s.platform.nodes},
                   {"cpu_tee", s.platform.cpu_tee},
                   {"confidential_mode", s.platform.confidential_mode},
                   {"multi_gpu_mode", s.platform.multi_gpu_mode},
                   {"key_custody", s.platform.key_custody},
                   {"link_encryption", le}};
  json windows = json::array();
  for (const Window& w : a.windows) {
    json wj = {{"stage", w.stage},
               {"name", w.name},
               {"location", w.location},
               {"medium", w.medium},
               {"state", to_string(w.state)},
               {"state_phrase", state_phrase(w)},
               {"protection", w.protection},
               {"protection_id", w.protection_id},
               {"bytes", w.bytes},
               {"resident", w.resident},
               {"per_event_s", figure_json(w.per_event)},
               {"plaintext_per_event_s", figure_json(w.plaintext_per_event)},
               {"events", w.events},
               {"event_period_s", w.event_period_s},
               {"plaintext_total_s", w.plaintext_total_s},
               {"plaintext_coverage_s", w.plaintext_coverage_s},
               {"plaintext_readers", w.plaintext_readers()},
               {"notes", w.notes}};
    if (w.cc)
      wj["cc"] = {{"off_s", figure_json(w.cc->off)},
                  {"on_s", figure_json(w.cc->on)},
                  {"ratio", w.cc->ratio()}};
    windows.push_back(std::move(wj));
  }
  j["windows"] = std::move(windows);
  json caps = json::array();
  for (const Capability& c : a.catalog->capabilities) caps.push_back(c.id);
  json rows = json::array();
  for (const Window& w : a.windows) {
    json cells = json::array();
    for (const Cell& c : w.cells)
      cells.push_back({{"capability", c.capability},
                       {"access", to_string(c.access)},
                       {"decided_by", c.decided_by},
                       {"reason", c.reason}});
    rows.push_back({{"stage", w.stage}, {"cells", std::move(cells)}});
  }
  // Moved, not copied: at cluster scale the matrix is most of the report (1.1 million cells).
  j["exposure_matrix"] = {{"capabilities", std::move(caps)}, {"rows", std::move(rows)}};
  if (!a.measurements.empty()) j["measurements"] = a.measurements;
  if (a.workload) {
    json lines = json::array();
    for (const CostLine& l : a.workload->lines)
      lines.push_back({{"what", l.what},
                       {"stage", l.stage},
                       {"bytes", l.bytes},
                       {"count", l.count},
                       {"off_s", figure_json(l.off)},
                       {"on_s", figure_json(l.on)},
                       {"extra_s", l.extra_s()}});
    j["workload"] = {{"run_off_s", a.workload->run_off_s}, {"run_on_s", a.workload->run_on_s},
                     {"extra_s", a.workload->extra_s()},   {"overhead", a.workload->overhead()},
                     {"claim", a.workload->claim()},       {"lines", std::move(lines)},
                     {"notes", a.workload->notes}};
  }
  add_threat_json(a, j);
  j["warnings"] = a.warnings;
  // Appended in place: `dump + "\n"` would copy a report that can be hundreds of MB.
  std::string out = j.dump(2);
  j = json();  // the tree is no longer needed; free it before the caller writes the text
  out += '\n';
  return out;
}

}  // namespace plainsight
