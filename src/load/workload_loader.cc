#include "load/workload_loader.h"

#include <fmt/format.h>

#include "core/limits.h"
#include "core/printable.h"
#include "core/quantity.h"
#include "load/did_you_mean.h"
#include "load/map_reader.h"

namespace plainsight {
namespace {

const Stage& stage_ref(const Scenario& s, const std::string& id, const SourceLocation& where) {
  if (const Stage* st = s.stage(id)) return *st;
  std::vector<std::string> known;
  for (const Stage& st : s.stages) known.push_back(st.id);
  throw InputError(where, fmt::format("workload: unknown stage '{}'{}; known: {}", echo(id),
                                      did_you_mean(id, known), listed(known)));
}

// A payload word or a size, per stage event unit: `weights` and `checkpoint` are divided
// by the stage's shards as the stage's own payload is.
double payload_bytes(MapReader& r, const std::string& key, const Scenario& s, const Stage& st) {
  const std::string v = r.str(key);
  if (v == "weights") return s.asset.weights_bytes() / st.shards;
  if (v == "checkpoint") return s.asset.checkpoint_bytes() / st.shards;
  return r.bytes(key);
}

WorkloadTransfer read_event(const YamlFile& f, const YamlNode& n, const Scenario& s,
                            const std::string& what, const std::string& default_payload) {
  MapReader r(f, n, "workload " + what);
  r.allow(scenario_mapping("workload_" + what));
  WorkloadTransfer t;
  t.where = r.at();
  t.stage = r.id("stage");
  const Stage& st = stage_ref(s, t.stage, r.at_value("stage"));
  t.bytes = r.has("payload")               ? payload_bytes(r, "payload", s, st)
            : default_payload == "weights" ? s.asset.weights_bytes() / st.shards
                                           : s.asset.checkpoint_bytes() / st.shards;
  return t;
}

}  // namespace

Workload read_workload(const YamlFile& f, const YamlNode& node, const Scenario& s) {
  MapReader r(f, node, "workload");
  r.allow(scenario_mapping("workload"));
  Workload w;
  w.where = r.at();
  w.run_s = r.duration("run");
  if (w.run_s > s.horizon_s)
    throw InputError(r.at_value("run"),
                     fmt::format("workload: run {} is longer than the horizon {}",
                                 format_duration(w.run_s), format_duration(s.horizon_s)));
  if (r.has("step_time")) {
    w.step_s = r.duration("step_time");
    if (w.step_s > w.run_s)
      throw InputError(r.at_value("step_time"), "workload: step_time is longer than the run");
    // As many steps as a stage may have events: past that the step time is a unit slip.
    if (w.run_s / w.step_s > kMaxEvents)
      throw InputError(r.at_value("step_time"),
                       fmt::format("workload: step_time {} makes {:.3g} steps in the run {}; the "
                                   "limit is {:g}",
                                   format_duration(w.step_s), w.run_s / w.step_s,
                                   format_duration(w.run_s), kMaxEvents));
  }
  if (YamlNode ps = r.optional_node("per_step")) {
    if (w.step_s <= 0) throw InputError(r.at_key("per_step"), "workload: per_step needs step_time");
    MapReader pr(f, ps, "workload per_step");
    for (const std::string& id : pr.keys()) {
      const Stage& st = stage_ref(s, id, pr.at_key(id));
      w.per_step.push_back({id, payload_bytes(pr, id, s, st), pr.at_value(id)});
    }
  }
  if (YamlNode c = r.optional_node("checkpoints")) {
    w.checkpoint = read_event(f, c, s, "checkpoints", "checkpoint");
    MapReader cr(f, c, "workload checkpoints");
    w.checkpoint_every_s = cr.duration("every");
    if (w.checkpoint_every_s > w.run_s)
      throw InputError(cr.at_value("every"), "workload: checkpoints come less than once a run");
    if (w.run_s / w.checkpoint_every_s > kMaxEvents)
      throw InputError(cr.at_value("every"),
                       fmt::format("workload: checkpoints every {} make {:.3g} in the run; the "
                                   "limit is {:g}",
                                   format_duration(w.checkpoint_every_s),
                                   w.run_s / w.checkpoint_every_s, kMaxEvents));
  }
  if (YamlNode m = r.optional_node("model_loads")) {
    w.model_load = read_event(f, m, s, "model_loads", "weights");
    MapReader mr(f, m, "workload model_loads");
    w.model_loads = mr.count("count", 1, 1e6);
  }
  if (w.per_step.empty() && w.checkpoint_every_s <= 0 && w.model_loads <= 0)
    throw InputError(w.where,
                     "workload: nothing to cost; give per_step, checkpoints or model_loads");
  return w;
}

}  // namespace plainsight
