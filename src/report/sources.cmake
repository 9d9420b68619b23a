# Sources of src/report.
