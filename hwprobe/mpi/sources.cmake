# Sources of hwprobe/mpi (target plainsight_hwprobe).
