# Sources of src/report: one file per format, shared phrases and table layout.
add_library(plainsight_report STATIC
  report/actor_parameters.cc
  report/cell_reason.cc
  report/citation_phrase.cc
  report/cost_section.cc
  report/csv_report.cc
  report/diff_report.cc
  report/dot_report.cc
  report/escaping.cc
  report/figure_phrase.cc
  report/html_report.cc
  report/json_report.cc
  report/json_stream.cc
  report/json_values.cc
  report/measurement_section.cc
  report/palette.cc
  report/phrases.cc
  report/pipeline_drawing.cc
  report/shortened.cc
  report/render.cc
  report/plot_axis.cc
  report/plot_svg.cc
  report/sarif_report.cc
  report/sensitivity_report.cc
  report/table_report.cc
  report/text_table.cc
  report/threat_phrases.cc
  report/sweep_plot.cc
  report/sweep_report.cc
  report/threat_section.cc
  report/timeline_drawing.cc
  report/tornado_plot.cc
  report/window_notes.cc
  report/window_table.cc
)
target_link_libraries(plainsight_report PUBLIC plainsight_analyze)
plainsight_warnings(plainsight_report)
