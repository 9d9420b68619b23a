# Sources of hwprobe/harness (target plainsight_hwprobe), plus the probe registry.
target_sources(plainsight_hwprobe PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/free_space.cc
  ${CMAKE_CURRENT_LIST_DIR}/machine_identity.cc
  ${CMAKE_CURRENT_LIST_DIR}/memory_budget.cc
  ${CMAKE_CURRENT_LIST_DIR}/probe_selection.cc
  ${CMAKE_CURRENT_LIST_DIR}/progress_bar.cc
  ${CMAKE_CURRENT_LIST_DIR}/rank_merge.cc
  ${CMAKE_CURRENT_LIST_DIR}/result_document.cc
  ${CMAKE_CURRENT_LIST_DIR}/run_context.cc
  ${CMAKE_CURRENT_LIST_DIR}/runner.cc
  ${CMAKE_CURRENT_LIST_DIR}/size_sweep.cc
  ${CMAKE_CURRENT_LIST_DIR}/stats.cc
  ${CMAKE_CURRENT_LIST_DIR}/summary_table.cc
  ${CMAKE_CURRENT_LIST_DIR}/thread_team.cc
  ${CMAKE_CURRENT_LIST_DIR}/tracked_file.cc
  ${CMAKE_CURRENT_LIST_DIR}/trial_runner.cc
  ${CMAKE_CURRENT_LIST_DIR}/../registry.cc
)
