# Sources of hwprobe/nccl (target plainsight_hwprobe). The bus-bandwidth formulas are
# plain C++ and always built (and tested); the probes need NCCL. libnccl is a shared
# library that loads libcuda lazily, so linking it keeps the binary starting on machines
# without a GPU.
target_sources(plainsight_hwprobe PRIVATE ${CMAKE_CURRENT_LIST_DIR}/bus_bandwidth.cc)
if(PLAINSIGHT_HAVE_NCCL)
  target_compile_definitions(plainsight_hwprobe PUBLIC PLAINSIGHT_HAVE_NCCL)
  target_include_directories(plainsight_hwprobe SYSTEM PRIVATE ${NCCL_INCLUDE_DIR})
  target_link_libraries(plainsight_hwprobe PUBLIC ${NCCL_LIBRARY})
  target_sources(plainsight_hwprobe PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/nccl_clique.cc
    ${CMAKE_CURRENT_LIST_DIR}/nccl_collective_probe.cc
    ${CMAKE_CURRENT_LIST_DIR}/nccl_probes.cc)
endif()
