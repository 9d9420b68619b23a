// The research commands at the sizes issue 22 names, on scenarios/aws-frontier.yaml with
// 100,000 trials per simulation: a 100-point sweep (only actor parameters vary, so one window
// analysis serves every point; then a window-changing key, one analysis per point; with every
// actor simulated and with one), and the sensitivity analysis (20 assumptions for OC3). Wall
// time on two threads, as the command line runs them on a 2-core machine:
//   build/release/bench/research_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include "analyze/sensitivity.h"
#include "analyze/sweep.h"
#include "load/catalog_loader.h"

namespace plainsight {
namespace {

constexpr std::uint64_t kTrials = 100000;
constexpr unsigned kThreads = 2;

const Catalog& catalog() {
  static const Catalog c = load_catalog(default_model_dir());
  return c;
}

std::string scenario() {
  return (default_model_dir().parent_path() / "scenarios" / "aws-frontier.yaml").string();
}

void sweep(benchmark::State& state, const char* vary, const char* actor) {
  SweepOptions o;
  o.simulation.trials = kTrials;
  o.simulation.seed = 1;
  o.threads = kThreads;
  o.actor = actor;
  SweepResult r;
  for (auto _ : state) {
    r = run_sweep(catalog(), scenario(), {parse_sweep_axis(vary)}, o);
    benchmark::DoNotOptimize(r.points.data());
  }
  state.counters["points"] = static_cast<double>(r.points.size());
  state.counters["analyses"] = static_cast<double>(r.analyses);
  state.counters["simulations"] = static_cast<double>(r.points.size() * r.actors.size());
  state.counters["trials"] = static_cast<double>(r.points.size() * r.actors.size() * kTrials);
}

void BM_Sweep100ActorParameterEveryActor(benchmark::State& state) {
  sweep(state, "actors.oc3.dwell=1d..100d:100", "");
}
void BM_Sweep100ActorParameterOneActor(benchmark::State& state) {
  sweep(state, "actors.oc3.dwell=1d..100d:100", "OC3");
}
void BM_Sweep100WindowKeyEveryActor(benchmark::State& state) {
  sweep(state, "asset.parameters=7e9..7e11:100:log", "");
}

void BM_Sensitivity(benchmark::State& state) {
  SensitivityOptions o;
  o.simulation.trials = kTrials;
  o.simulation.seed = 1;
  o.threads = kThreads;
  o.actor = "OC3";
  SensitivityResult r;
  for (auto _ : state) {
    r = run_sensitivity(catalog(), scenario(), o);
    benchmark::DoNotOptimize(r.effects.data());
  }
  state.counters["assumptions"] = static_cast<double>(r.effects.size());
  state.counters["evaluations"] = static_cast<double>(r.evaluations);
  state.counters["simulations"] = static_cast<double>(r.simulations);
}

BENCHMARK(BM_Sweep100ActorParameterEveryActor)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);
BENCHMARK(BM_Sweep100ActorParameterOneActor)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);
BENCHMARK(BM_Sweep100WindowKeyEveryActor)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);
BENCHMARK(BM_Sensitivity)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace
}  // namespace plainsight

BENCHMARK_MAIN();
