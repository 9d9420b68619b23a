# Sources of src/analyze.
