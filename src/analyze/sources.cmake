# Sources of src/analyze: windows, exposure, protection rules over the pipeline graph.
add_library(plainsight_analyze STATIC
  analyze/analysis.cc
  analyze/attributes.cc
  analyze/content.cc
  analyze/durations.cc
  analyze/exposure_cell.cc
  analyze/pipeline_graph.cc
  analyze/protection.cc
  analyze/windows.cc
)
target_link_libraries(plainsight_analyze PUBLIC plainsight_load Boost::graph)
plainsight_warnings(plainsight_analyze)
