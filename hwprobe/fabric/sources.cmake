# Sources of hwprobe/fabric (target plainsight_hwprobe): always compiled.
target_sources(plainsight_hwprobe PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/tcp_socket.cc
  ${CMAKE_CURRENT_LIST_DIR}/byte_stream.cc
  ${CMAKE_CURRENT_LIST_DIR}/tls_stream.cc
  ${CMAKE_CURRENT_LIST_DIR}/transfer_protocol.cc
  ${CMAKE_CURRENT_LIST_DIR}/peer_endpoint.cc
  ${CMAKE_CURRENT_LIST_DIR}/fabric_class.cc
  ${CMAKE_CURRENT_LIST_DIR}/fabric_tcp_probe.cc
  ${CMAKE_CURRENT_LIST_DIR}/fabric_probes.cc)
