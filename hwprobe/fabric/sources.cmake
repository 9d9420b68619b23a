# Sources of hwprobe/fabric (target plainsight_hwprobe): always compiled.
target_sources(plainsight_hwprobe PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/fabric_probes.cc)
