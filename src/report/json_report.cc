// JSON, described by docs/report.schema.json. Keys keep insertion order for stable output.
// Written window by window (JsonStream): at cluster scale the tree of the whole report would
// be several GB, its text hundreds of MB.
#include <string>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "analyze/trust_boundaries.h"
#include "analyze/window_basis.h"
#include "build_info.h"
#include "core/printable.h"
#include "report/cell_reason.h"
#include "report/cost_section.h"
#include "report/figure_phrase.h"
#include "report/findings_section.h"
#include "report/json_stream.h"
#include "report/json_values.h"
#include "report/measurement_phrase.h"
#include "report/measurement_section.h"
#include "report/phrases.h"
#include "report/render.h"
#include "report/threat_section.h"
#include "report/verdict_phrase.h"
#include "report/warning_phrase.h"
#include "report/window_notes.h"

namespace plainsight {
namespace {

using json = nlohmann::ordered_json;

// A value many windows share, serialized once per report (see JsonStream::dumped). Each
// cache serves one place in the document, so its texts all have that place's depth.
class Repeated {
 public:
  template <typename Make>
  void write(JsonStream& js, const std::string& key, Make make) {
    auto it = texts_.find(key);
    if (it != texts_.end()) return js.raw(it->second);
    // Values that name their stage never repeat: past a bound they are written, not kept.
    if (texts_.size() >= kMaxKept) return js.value(make());
    js.raw(texts_.emplace(key, js.dumped(make())).first->second);
  }

 private:
  static constexpr std::size_t kMaxKept = 4096;
  std::unordered_map<std::string, std::string> texts_;
};

// One deciding fact with its citation and those that support or disagree.
json fact_json(const Catalog& c, const BasisFact& f) {
  static const char* const kKinds[] = {"protection", "derived", "custody", "gpu",  "cpu_tee",
                                       "link",       "figure",  "stated",  "reach"};
  json fj = {{"kind", kKinds[static_cast<int>(f.kind)]},
             {"id", f.id},
             {"source", citation_json(c, *f.source)}};
  if (f.cited) {
    json also = json::array(), disputed = json::array();
    for (const Citation& k : f.cited->also) also.push_back(citation_json(c, k));
    for (const Citation& k : f.cited->disputed_by) disputed.push_back(citation_json(c, k));
    if (!also.empty()) fj["also"] = std::move(also);
    if (!disputed.empty()) fj["disputed_by"] = std::move(disputed);
  }
  return fj;
}

void write_window(JsonStream& js, const Analysis& a, std::size_t i, Repeated& facts) {
  const Window& w = a.windows[i];
  const Catalog& c = *a.catalog;
  js.begin_object();
  js.member("stage", w.stage);
  js.member("replicas", w.replicas);
  const Place& place = a.scenario.places[w.place];
  js.member("place", place.id);
  js.member("operator", place.operator_role);
  js.member("operator_name", place.operator_name);
  js.member("name", w.name);
  js.member("location", w.location);
  js.member("medium", w.medium);
  js.member("state", to_string(w.state));
  js.member("state_phrase", state_phrase(w, a.scenario.stages[i]));
  js.member("protection", protection_phrase(w));
  js.member("protection_id", w.protection_id);
  js.member("bytes", w.bytes);
  js.member("resident", w.resident);
  js.member("resident_s", w.resident_s);
  js.member("per_event_s", figure_json(c, w.per_event));
  js.member("plaintext_per_event_s", figure_json(c, w.plaintext_per_event));
  js.member("events", w.events);
  js.member("event_period_s", w.event_period_s);
  js.member("plaintext_total_s", w.plaintext_total_s);
  js.member("plaintext_coverage_s", w.plaintext_coverage_s);
  js.member("plaintext_readers", w.plaintext_readers());
  if (a.threat.computed) {
    // Who reads a full copy here before it closes, the lowest level that does, whether through
    // a released key (the window holds ciphertext), and whether it decides the verdict.
    json routes = json::array();
    for (std::size_t k = 0; k < w.cells.size(); ++k)
      if (const FullCopyRoute* r = a.threat.route(i, k))
        routes.push_back({{"capability", r->capability},
                          {"level", r->level},
                          {"released_key", r->released_key},
                          {"deciding", r->deciding}});
    js.member("full_copy", routes);
    js.member("decides_verdict", a.threat.decides(i));
  }
  js.member("rests_on", rests_on_phrase(a, i));
  // What the row rests on: each deciding fact, the same few facts across a cluster's windows.
  js.key("basis");
  js.begin_array();
  for (const BasisFact& f : window_basis(c, a.scenario, a.scenario.stages[i], w))
    facts.write(js,
                fmt::format("{}|{}|{}|{}", static_cast<int>(f.kind), f.id,
                            static_cast<const void*>(f.source), static_cast<const void*>(f.cited)),
                [&] { return fact_json(c, f); });
  js.end();
  js.member("notes", window_notes(a, i));
  if (w.derived) js.member("derived_protection_id", w.derived->id);
  if (w.cc) {
    nlohmann::json pair = {{"off_s", figure_json(c, w.cc->off)},
                           {"on_s", figure_json(c, w.cc->on)},
                           {"ratio", w.cc->ratio()}};
    if (w.cc->refused) pair["refused"] = cc_pair_refusal_phrase(*w.cc);
    js.member("cc", pair);
  }
  js.end();
}

void write_matrix_row(JsonStream& js, const Catalog& catalog, const Place& place, const Window& w,
                      Repeated& cells) {
  js.begin_object();
  js.member("stage", w.stage);
  js.key("cells");
  js.begin_array();
  for (const Cell& c : w.cells) {
    const std::string reason = cell_reason(catalog, place, w, c);
    std::string key =
        fmt::format("{}|{}|{}|{}", c.capability, static_cast<int>(c.access), c.decided_by, reason);
    if (c.reduced) key += fmt::format("|{}|{}", c.reduced->step, c.reduced->ttc.text);
    if (c.extracts) key += "|" + c.extracts->key;
    cells.write(js, key, [&] {
      json cj = {{"capability", c.capability},
                 {"access", to_string(c.access)},
                 {"decided_by", c.decided_by},
                 {"reason", reason}};
      if (c.reduced) cj["reduced_by"] = {{"step", c.reduced->step}, {"ttc", c.reduced->ttc.text}};
      if (c.extracts) cj["key"] = c.extracts->key;
      return cj;
    });
  }
  js.end();
  js.end();
}

}  // namespace

void render_json(std::ostream& out, const Analysis& a) {
  const Scenario& s = a.scenario;
  JsonStream js(out);
  js.begin_object();
  js.member("format", "plainsight-report/1");
  js.member("tool", {{"name", "plainsight"}, {"version", PLAINSIGHT_VERSION}});
  if (a.verdict) js.member("verdict", verdict_json(a));
  js.member("scenario", {{"name", s.name},
                         // A path may hold bytes that are not UTF-8 (legal on Linux), which
                         // JSON cannot carry: shown as <0xNN>, as everywhere else.
                         {"file", printable(s.file)},
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
  json places = json::array();
  for (const Place& p : s.places) {
    json pj = {{"id", p.id},
               {"name", p.name},
               {"kind", p.kind},
               {"operator", p.operator_role},
               {"operator_name", p.operator_name},
               {"hardware", p.hardware},
               {"offering", p.offering.empty() ? "custom" : p.offering},
               {"access", p.access},
               {"count", p.count},
               {"implicit", p.implicit},
               {"platform",
                {{"gpu", p.platform.gpu},
                 {"gpus_per_node", p.platform.gpus_per_node},
                 {"cpu_tee", p.platform.cpu_tee},
                 {"confidential_mode", p.platform.confidential_mode},
                 {"multi_gpu_mode", p.platform.multi_gpu_mode},
                 {"key_custody", p.platform.key_custody},
                 {"link_encryption", p.platform.link_encryption}}},
               {"pinned", p.pinned}};
    if (p.group >= 0) pj["group"] = s.groups[p.group].id;
    places.push_back(std::move(pj));
  }
  js.member("places", places);
  json boundaries = json::array();
  for (const TrustBoundary& b : trust_boundaries(s))
    boundaries.push_back({{"from", s.flows[b.flow].from},
                          {"to", s.flows[b.flow].to},
                          {"from_place", s.places[b.from_place].id},
                          {"to_place", s.places[b.to_place].id},
                          {"other_operator", b.other_operator}});
  js.member("trust_boundaries", boundaries);
  if (!s.groups.empty()) {
    json groups = json::array();
    for (const Group& g : s.groups)
      groups.push_back(
          {{"id", g.id}, {"name", g.name}, {"count", g.count}, {"place", s.places[g.place].id}});
    js.member("groups", groups);
  }
  const WindowTotals& sum = a.totals;
  js.member("totals", {{"windows", sum.windows},
                       {"stages", sum.stages},
                       {"plaintext_stages", sum.plaintext_stages},
                       {"plaintext_copies", sum.plaintext_copies},
                       {"plaintext_bytes", sum.plaintext_bytes},
                       {"plaintext_total_s", sum.plaintext_total_s},
                       {"events", sum.events}});
  js.key("windows");
  js.begin_array();
  Repeated facts, cells;
  for (std::size_t i = 0; i < a.windows.size(); ++i) write_window(js, a, i, facts);
  js.end();
  js.key("exposure_matrix");
  js.begin_object();
  json caps = json::array();
  for (const Capability& c : a.catalog->capabilities) caps.push_back(c.id);
  js.member("capabilities", caps);
  js.key("rows");
  js.begin_array();
  for (const Window& w : a.windows)
    write_matrix_row(js, *a.catalog, a.scenario.places[w.place], w, cells);
  js.end();
  js.end();
  if (!a.measurements.empty()) {
    std::vector<std::string> lines = measurement_lines(a);
    for (std::string& l : lines) l = printable(l);
    js.member("measurements", lines);
  }
  if (a.workload) {
    json lines = json::array();
    for (const CostLine& l : a.workload->lines)
      lines.push_back({{"what", transfer_phrase(l.kind)},
                       {"stage", l.stage},
                       {"bytes", l.bytes},
                       {"count", l.count},
                       {"off_s", figure_json(*a.catalog, l.off)},
                       {"on_s", figure_json(*a.catalog, l.on)},
                       {"extra_s", l.extra_s()}});
    json published = json::array();
    for (const PublishedRunCost& p : a.workload->published) {
      json figures = json::array();
      for (const PublishedFigure* f : p.figures)
        figures.push_back({{"id", f->id},
                           {"value", f->value},
                           {"unit", f->unit},
                           {"source", citation_json(*a.catalog, f->source)}});
      published.push_back({{"id", p.cost->id},
                           {"name", p.cost->name},
                           {"overhead_low", p.low},
                           {"overhead_high", p.high},
                           {"run_s", p.run_s},
                           {"extra_s", p.extra_s},
                           {"slowdown", p.slowdown},
                           {"of", p.cost->of},
                           {"status", to_string(p.status)},
                           {"figures", std::move(figures)}});
    }
    json inputs = json::array();
    for (const WorkloadInput& i : a.workload->inputs)
      inputs.push_back(
          {{"what", input_phrase(i)}, {"value", input_value_phrase(i)}, {"where", i.where.str()}});
    js.member("workload", {{"run_off_s", a.workload->run_off_s},
                           {"run_on_s", a.workload->run_on_s},
                           {"extra_s", a.workload->extra_s()},
                           {"overhead", a.workload->overhead()},
                           {"claim", workload_claim(*a.workload)},
                           {"lines", std::move(lines)},
                           {"published", std::move(published)},
                           {"assumed_inputs", std::move(inputs)},
                           {"notes", workload_notes(*a.workload)},
                           {"comparison", published_run_lines(a)}});
  }
  if (a.transfer_cost) {
    const TransferCost& t = *a.transfer_cost;
    json compared = json::array();
    for (const PublishedComparison& x : t.compared)
      compared.push_back({{"quantity", x.quantity},
                          {"computed", x.computed},
                          {"published", x.published->value},
                          {"figure", x.published->id},
                          {"agrees", x.agrees},
                          {"source", citation_json(*a.catalog, x.published->source)}});
    js.member("transfer_cost", {{"stage", t.stage},
                                {"bytes", t.bytes},
                                {"transfers", t.transfers},
                                {"price_figure", t.price->id},
                                {"price", t.price->value},
                                {"price_unit", t.price->unit},
                                {"per_transfer_usd", t.per_transfer_usd},
                                {"horizon_usd", t.horizon_usd},
                                {"horizon_usd_provenance", "derived"},
                                {"endpoints", t.endpoints},
                                {"every_s", t.every_s},
                                {"per_year_usd", t.per_year_usd},
                                {"compared", std::move(compared)},
                                {"summary", transfer_cost_lines(a)}});
  }
  write_threat_json(a, js);
  write_findings_json(a, js);
  js.member("warnings", warning_phrases(a.warnings));
  js.end();
  out.put('\n');
}

}  // namespace plainsight
