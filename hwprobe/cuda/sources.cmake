# Sources of hwprobe/cuda (target plainsight_hwprobe), compiled when the CUDA toolkit is
# found. The runtime is linked statically and libcuda is never linked: the CUDA runtime
# dlopens the driver, so the binary starts (and runs host probes) without a GPU or driver.
# Only the spin kernel is device code; the rest is host C++ against the runtime API.
if(PLAINSIGHT_HAVE_CUDA)
  target_compile_definitions(plainsight_hwprobe PUBLIC PLAINSIGHT_HAVE_CUDA)
  target_link_libraries(plainsight_hwprobe PUBLIC CUDA::cudart_static)
  target_sources(plainsight_hwprobe PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/spin_kernel.cu
    ${CMAKE_CURRENT_LIST_DIR}/cuda_resources.cc
    ${CMAKE_CURRENT_LIST_DIR}/copy_timer.cc
    ${CMAKE_CURRENT_LIST_DIR}/host_device_copy_probe.cc
    ${CMAKE_CURRENT_LIST_DIR}/peer_copy_probe.cc
    ${CMAKE_CURRENT_LIST_DIR}/gpu_checkpoint_probe.cc
    ${CMAKE_CURRENT_LIST_DIR}/hbm_scrub_probe.cc
    ${CMAKE_CURRENT_LIST_DIR}/cuda_probes.cc)
endif()
