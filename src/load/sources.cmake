# Sources of src/load: YAML in, validated catalog and scenarios out.
add_library(plainsight_load STATIC
  load/actor_overrides_loader.cc
  load/citation_reader.cc
  load/conditions_reader.cc
  load/control_reader.cc
  load/figure_reader.cc
  load/catalog_loader.cc
  load/did_you_mean.cc
  load/duplicate_id.cc
  load/map_reader.cc
  load/measurement_consistency.cc
  load/measurement_file.cc
  load/offering_reader.cc
  load/overlay.cc
  load/platform_keys.cc
  load/platform_validity.cc
  load/probe_map_loader.cc
  load/slurm_classes.cc
  load/source_reader.cc
  load/slurm_feature_map.cc
  load/slurm_nodes.cc
  load/sweep_axis.cc
  load/transfer_pricing_loader.cc
  load/scenario_keys.cc
  load/scenario_flows.cc
  load/risk_tracking_reader.cc
  load/scenario_loader.cc
  load/scenario_places.cc
  load/scenario_sources.cc
  load/scenario_stage.cc
  load/workload_loader.cc
  load/yaml_file.cc
  load/yaml_tree.cc
)
target_link_libraries(plainsight_load PUBLIC plainsight_core Boost::graph PRIVATE PkgConfig::yaml)
plainsight_warnings(plainsight_load)
