# Sources of hwprobe/cli (target plainsight_hwprobe), and the standalone plainsight-probe.
target_sources(plainsight_hwprobe PRIVATE ${CMAKE_CURRENT_LIST_DIR}/probe_command.cc)
target_link_libraries(plainsight_hwprobe PUBLIC CLI11::CLI11)

add_executable(plainsight-probe ${CMAKE_CURRENT_LIST_DIR}/main.cc)
target_link_libraries(plainsight-probe PRIVATE plainsight_hwprobe)
plainsight_warnings(plainsight-probe)
