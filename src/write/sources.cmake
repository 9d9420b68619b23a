# Sources of src/write: what plainsight writes for people to edit and tools to check, as
# opposed to what it reads (load/) or reports (report/): generated cluster scenarios and the
# scenario JSON Schema. cli -> write -> load; analyze and report do not depend on it.
add_library(plainsight_write STATIC
  write/cluster_generator.cc
  write/scenario_schema.cc
)
target_link_libraries(plainsight_write PUBLIC plainsight_load)
plainsight_warnings(plainsight_write)
