// JSON, described by docs/report.schema.json. Keys keep insertion order for stable output.
// Written window by window (JsonStream): at cluster scale the tree of the whole report would
// be several GB, its text hundreds of MB.
#include <nlohmann/json.hpp>

#include "build_info.h"
#include "report/json_stream.h"
#include "report/phrases.h"
#include "report/render.h"
#include "report/threat_section.h"

namespace plainsight {
namespace {

using json = nlohmann::ordered_json;

json figure_json(const Figure& f) {
  json out = {{"value", f.value},
              {"provenance", to_string(f.provenance)},
              {"source", f.source},
              {"detail", f.detail}};
  if (!f.considered.empty()) out["considered"] = f.considered;
  return out;
}

json window_json(const Window& w) {
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
  return wj;
}

json matrix_row_json(const Window& w) {
  json cells = json::array();
  for (const Cell& c : w.cells)
    cells.push_back({{"capability", c.capability},
                     {"access", to_string(c.access)},
                     {"decided_by", c.decided_by},
                     {"reason", c.reason}});
  return {{"stage", w.stage}, {"cells", std::move(cells)}};
}

}  // namespace

void render_json(std::ostream& out, const Analysis& a) {
  const Scenario& s = a.scenario;
  JsonStream js(out);
  js.begin_object();
  js.member("format", "plainsight-report/1");
  js.member("tool", {{"name", "plainsight"}, {"version", PLAINSIGHT_VERSION}});
  js.member("scenario", {{"name", s.name},
                         {"file", s.file},
                         {"description", s.description},
                         {"source", s.source},
                         {"horizon_s", s.horizon_s},
                         {"overrides", a.overrides}});
  js.member("asset", {{"name", s.asset.name},
                      {"parameters", s.asset.parameters},
                      {"bytes_per_parameter", s.asset.bytes_per_parameter},
                      {"optimizer_bytes_per_parameter", s.asset.optimizer_bytes_per_parameter},
                      {"weights_bytes", s.asset.weights_bytes()},
                      {"checkpoint_bytes", s.asset.checkpoint_bytes()}});
  json le = json::object();
  for (const auto& [m, on] : s.platform.link_encryption) le[m] = on;
  js.member("platform", {{"gpu", s.platform.gpu},
                         {"gpus_per_node", s.platform.gpus_per_node},
                         {"nodes", s.platform.nodes},
                         {"cpu_tee", s.platform.cpu_tee},
                         {"confidential_mode", s.platform.confidential_mode},
                         {"multi_gpu_mode", s.platform.multi_gpu_mode},
                         {"key_custody", s.platform.key_custody},
                         {"link_encryption", le}});
  js.key("windows");
  js.begin_array();
  for (const Window& w : a.windows) js.value(window_json(w));
  js.end();
  js.key("exposure_matrix");
  js.begin_object();
  json caps = json::array();
  for (const Capability& c : a.catalog->capabilities) caps.push_back(c.id);
  js.member("capabilities", caps);
  js.key("rows");
  js.begin_array();
  for (const Window& w : a.windows) js.value(matrix_row_json(w));
  js.end();
  js.end();
  if (!a.measurements.empty()) js.member("measurements", a.measurements);
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
    js.member("workload", {{"run_off_s", a.workload->run_off_s},
                           {"run_on_s", a.workload->run_on_s},
                           {"extra_s", a.workload->extra_s()},
                           {"overhead", a.workload->overhead()},
                           {"claim", a.workload->claim()},
                           {"lines", std::move(lines)},
                           {"notes", a.workload->notes}});
  }
  write_threat_json(a, js);
  js.member("warnings", a.warnings);
  js.end();
  out.put('\n');
}

}  // namespace plainsight
