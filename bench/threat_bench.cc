// Scale of the threat analysis over generated clusters: load (YAML to scenario), analyze
// (windows, reach, paths, ceiling; then with the minimal defences too) and simulate, at growing
// stage counts. Stages per node are 4 + 2 x 8 = 20, so 5000 nodes is 100,001 stages.
//   build/release/bench/threat_bench --benchmark_counters_tabular=true
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "analyze/analysis.h"
#include "analyze/reanalysis.h"
#include "analyze/simulation.h"
#include "analyze/threat.h"
#include "analyze/windows.h"
#include "load/catalog_loader.h"
#include "load/scenario_loader.h"
#include "load/yaml_file.h"
#include "report/render.h"
#include "write/cluster_generator.h"

namespace plainsight {
namespace {

const Catalog& catalog() {
  static const Catalog c = load_catalog(default_model_dir());
  return c;
}

std::string cluster(int nodes) {
  ClusterSpec spec;
  spec.classes[0].nodes = nodes;
  spec.classes[0].platform.gpus_per_node = 8;
  return expanded_cluster_scenario_yaml(spec);
}

void BM_Load(benchmark::State& state) {
  const std::string text = cluster(static_cast<int>(state.range(0)));
  std::size_t stages = 0;
  for (auto _ : state) {
    YamlFile f = YamlFile::parse(text, "generated.yaml");
    Scenario s = read_scenario(f, catalog());
    stages = s.stages.size();
    benchmark::DoNotOptimize(s);
  }
  state.counters["stages"] = static_cast<double>(stages);
  state.SetComplexityN(static_cast<benchmark::IterationCount>(stages));
}

void BM_Analyze(benchmark::State& state) {
  YamlFile f = YamlFile::parse(cluster(static_cast<int>(state.range(0))), "generated.yaml");
  const Scenario s = read_scenario(f, catalog());
  for (auto _ : state) {
    Analysis a = analyze(catalog(), s);
    a.threat = analyze_threats(catalog(), a.scenario, a.windows, {}, {});
    benchmark::DoNotOptimize(a.threat.ceiling.level);
  }
  state.counters["stages"] = static_cast<double>(s.stages.size());
  state.SetComplexityN(static_cast<benchmark::IterationCount>(s.stages.size()));
}

// What `plainsight analyze` does after loading: windows, reach, paths, the ceiling and the
// minimal defences, whose controls are re-analysed as the command line does it.
void BM_AnalyzeWithDefenses(benchmark::State& state) {
  const std::filesystem::path file =
      std::filesystem::temp_directory_path() /
      fmt::format("plainsight-bench-{}-{}.yaml", ::getpid(), state.range(0));
  {
    std::ofstream out(file);
    out << cluster(static_cast<int>(state.range(0)));
  }
  const Scenario s = load_scenario(file.string(), catalog(), {});
  for (auto _ : state) {
    Analysis a = analyze(catalog(), s);
    a.threat = analyze_threats(catalog(), a.scenario, a.windows, {},
                               platform_reanalysis(catalog(), a.scenario, nullptr, &a.arriving));
    benchmark::DoNotOptimize(a.threat.ceiling.level);
  }
  std::filesystem::remove(file);
  state.counters["stages"] = static_cast<double>(s.stages.size());
  state.SetComplexityN(static_cast<benchmark::IterationCount>(s.stages.size()));
}

// The grouped form end to end, as `plainsight analyze -f json` does it: load, windows,
// threats with the minimal defences re-analysed, and the JSON report. Nodes of 8 GPUs;
// 125,000 nodes is a million GPUs. Cost follows classes, not replicas: compare 10 with
// 125000 in one run.
void BM_GroupedEndToEnd(benchmark::State& state) {
  ClusterSpec spec;
  spec.classes[0].nodes = static_cast<int>(state.range(0));
  spec.classes[0].platform.gpus_per_node = 8;
  const std::filesystem::path file =
      std::filesystem::temp_directory_path() /
      fmt::format("plainsight-bench-grouped-{}-{}.yaml", ::getpid(), state.range(0));
  {
    std::ofstream out(file);
    out << cluster_scenario_yaml(spec);
  }
  std::size_t bytes = 0;
  for (auto _ : state) {
    const Scenario s = load_scenario(file.string(), catalog(), {});
    Analysis a = analyze(catalog(), s);
    a.threat = analyze_threats(catalog(), a.scenario, a.windows, {},
                               platform_reanalysis(catalog(), a.scenario, nullptr, &a.arriving));
    std::ostringstream out;
    render_json(out, a);
    bytes = out.str().size();
    benchmark::DoNotOptimize(bytes);
  }
  std::filesystem::remove(file);
  state.counters["gpus"] = static_cast<double>(state.range(0)) * 8;
  state.counters["json_bytes"] = static_cast<double>(bytes);
}

// The window table alone, for comparison with the full analysis.
void BM_Windows(benchmark::State& state) {
  YamlFile f = YamlFile::parse(cluster(static_cast<int>(state.range(0))), "generated.yaml");
  const Scenario s = read_scenario(f, catalog());
  for (auto _ : state) {
    std::vector<Window> w = compute_windows(catalog(), s);
    benchmark::DoNotOptimize(w.data());
  }
  state.counters["stages"] = static_cast<double>(s.stages.size());
  state.SetComplexityN(static_cast<benchmark::IterationCount>(s.stages.size()));
}

void BM_Simulate(benchmark::State& state) {
  YamlFile f = YamlFile::parse(cluster(static_cast<int>(state.range(0))), "generated.yaml");
  const Scenario s = read_scenario(f, catalog());
  Analysis a = analyze(catalog(), s);
  a.threat = analyze_threats(catalog(), a.scenario, a.windows, {}, {});
  const ActorThreat& oc4 = a.threat.actors[3];
  const std::vector<SimulationRoute> routes = simulation_routes(catalog(), oc4.reach, oc4.actor);
  SimulationOptions o;
  o.trials = static_cast<std::uint64_t>(state.range(1));
  o.threads = 1;
  std::uint64_t window_trials = 0;
  for (auto _ : state) {
    SimulationResult r = simulate(catalog(), oc4.actor, s.horizon_s, routes, o);
    window_trials += r.window_trials;
    benchmark::DoNotOptimize(r.successes);
  }
  state.counters["stages"] = static_cast<double>(s.stages.size());
  state.counters["routes"] = static_cast<double>(routes.size());
  state.counters["window_trials_per_s"] =
      benchmark::Counter(static_cast<double>(window_trials), benchmark::Counter::kIsRate);
}

BENCHMARK(BM_Load)->Arg(50)->Arg(500)->Arg(5000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK(BM_Analyze)->Arg(50)->Arg(500)->Arg(5000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK(BM_AnalyzeWithDefenses)
    ->Arg(50)
    ->Arg(500)
    ->Arg(5000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();
BENCHMARK(BM_GroupedEndToEnd)->Arg(10)->Arg(125000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Windows)->Arg(50)->Arg(500)->Arg(5000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK(BM_Simulate)
    ->Args({50, 20000})
    ->Args({500, 2000})
    ->Args({5000, 200})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace plainsight

BENCHMARK_MAIN();
