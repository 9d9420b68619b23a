# Sources of src/analyze: windows, exposure, protection rules over the pipeline graph.
add_library(plainsight_analyze STATIC
  analyze/analysis.cc
  analyze/attributes.cc
  analyze/content.cc
  analyze/control_deployment.cc
  analyze/durations.cc
  analyze/exposure_cell.cc
  analyze/fit.cc
  analyze/measured_durations.cc
  analyze/parallel.cc
  analyze/platform_match.cc
  analyze/probe_bound.cc
  analyze/pipeline_graph.cc
  analyze/protection.cc
  analyze/reanalysis.cc
  analyze/window_basis.cc
  analyze/window_totals.cc
  analyze/windows.cc
  analyze/verdict.cc
  analyze/workload_cost.cc
  # threat analysis (issue 6)
  analyze/actor_profile.cc
  analyze/attack_graph.cc
  analyze/exposure_ceiling.cc
  analyze/min_cut.cc
  analyze/minimal_defense.cc
  analyze/scenario_diff.cc
  analyze/simulation.cc
  analyze/sensitivity.cc
  analyze/sweep.cc
  analyze/threat.cc
  analyze/trust_boundaries.cc
  analyze/transfer_cost.cc
  analyze/window_reach.cc
)
target_link_libraries(plainsight_analyze PUBLIC plainsight_load Boost::graph Threads::Threads)
target_link_libraries(plainsight_analyze PUBLIC Eigen3::Eigen)  # fits over probe sweeps
plainsight_warnings(plainsight_analyze)
