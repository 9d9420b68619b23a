# Sources of hwprobe/host (target plainsight_hwprobe).
target_sources(plainsight_hwprobe PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/aes_gcm_probe.cc
  ${CMAKE_CURRENT_LIST_DIR}/bounce_buffer_probe.cc
  ${CMAKE_CURRENT_LIST_DIR}/bounce_pipeline.cc
  ${CMAKE_CURRENT_LIST_DIR}/checkpoint_probe.cc
  ${CMAKE_CURRENT_LIST_DIR}/envelope_probe.cc
  ${CMAKE_CURRENT_LIST_DIR}/gcm_cipher.cc
  ${CMAKE_CURRENT_LIST_DIR}/host_probes.cc
  ${CMAKE_CURRENT_LIST_DIR}/memcpy_probe.cc
  ${CMAKE_CURRENT_LIST_DIR}/safetensors.cc
  ${CMAKE_CURRENT_LIST_DIR}/secret_key.cc
  ${CMAKE_CURRENT_LIST_DIR}/staging_buffer.cc
  ${CMAKE_CURRENT_LIST_DIR}/sweep_choice.cc
)
