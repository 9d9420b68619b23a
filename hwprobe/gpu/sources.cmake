# Sources of hwprobe/gpu (target plainsight_hwprobe): NVML through dlopen, so these build
# and run on machines without a GPU; CUDA and NCCL are called only when compiled in.
target_sources(plainsight_hwprobe PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/nvml_api.cc
  ${CMAKE_CURRENT_LIST_DIR}/cc_state.cc
  ${CMAKE_CURRENT_LIST_DIR}/nvml_report.cc
  ${CMAKE_CURRENT_LIST_DIR}/sweep_plan.cc
  ${CMAKE_CURRENT_LIST_DIR}/copy_result.cc
  ${CMAKE_CURRENT_LIST_DIR}/gpu_selection.cc
  ${CMAKE_CURRENT_LIST_DIR}/gpu_environment.cc)
