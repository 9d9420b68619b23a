# Sources of hwprobe/mpi (target plainsight_hwprobe).
target_sources(plainsight_hwprobe PRIVATE ${CMAKE_CURRENT_LIST_DIR}/world.cc)
if(PLAINSIGHT_HAVE_MPI)
  target_compile_definitions(plainsight_hwprobe PUBLIC PLAINSIGHT_HAVE_MPI)
  target_link_libraries(plainsight_hwprobe PUBLIC MPI::MPI_CXX)
endif()
