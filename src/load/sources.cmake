# Sources of src/load.
